package dev.palisade.cli;

import dev.palisade.core.config.ConfigException;
import dev.palisade.scan.ScanException;
import dev.palisade.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one command line in-process and returns its exit code (SPEC.md "Command line"). */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /** The picocli command tree; further subcommands (offboard, rotate-key) are added with {@code addSubcommand}. */
    public static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new PalisadeCommand(ctx), new ContextFactory(ctx));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            int code = exitCodeOf(ex);
            String message;
            if (isUserError(ex)) {
                message = ex.getMessage();
                LOG.info("{} refused: {}", cmd.getCommandName(), message);
            } else {
                message = "unexpected error (" + ex.getClass().getSimpleName() + "); details are in the log in "
                        + "the data directory's logs/ folder.";
                LOG.error("{} failed", cmd.getCommandName(), ex);
            }
            ctx.err().println("palisade: " + message);
            ctx.err().flush();
            return code;
        });
        return cl;
    }

    public static int run(CliContext ctx, String... args) {
        CommandLine cl = commandLine(ctx);
        int code = cl.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /** Every failure that ends a command early is exit 2: SPEC.md has no other code for it. */
    static int exitCodeOf(Exception ex) {
        return PalisadeCommand.USAGE;
    }

    static boolean isUserError(Exception ex) {
        return ex instanceof ConfigException || ex instanceof ScanException || ex instanceof StoreException
                || ex instanceof UserError || ex instanceof dev.palisade.auth.PassphraseUnavailableException
                || ex instanceof dev.palisade.auth.SecretStoreException || ex instanceof dev.palisade.act.ActionException || ex instanceof CommandLine.ParameterException
                || ex instanceof UncheckedIOException || ex instanceof IOException;
    }

    /** Gives subcommands the context through their constructor. */
    private record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
