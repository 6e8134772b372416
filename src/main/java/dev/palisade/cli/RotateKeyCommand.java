package dev.palisade.cli;

import dev.palisade.act.ActionException;
import dev.palisade.act.AwsActionClients;
import dev.palisade.act.KeyRotation;
import dev.palisade.scan.LocalWorkspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rotate-key USER KEY_ID --env ENV --step create|deactivate|delete}. */
@Command(name = "rotate-key", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One step of the rotation of one access key, on that key only (always with UserName).",
            "create: makes the new key and prints its secret once to stdout (never stored or logged);",
            "deactivate: after the consumers use the new key (last use of both keys is shown);",
            "delete: after a confirmation period. Uses the environment's actionProfile."})
final class RotateKeyCommand implements Callable<Integer> {
    enum Step { create, deactivate, delete }

    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Parameters(index = "0", paramLabel = "USER", description = "IAM user name.")
    String user;

    @Parameters(index = "1", paramLabel = "KEY_ID", description = "The access key to replace.")
    String keyId;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "Environment (from palisade.yaml).")
    String env;

    @Option(names = "--step", required = true, paramLabel = "STEP", description = "create, deactivate or delete.")
    Step step;

    RotateKeyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace ws = parent.openWorkspace()) {
            if (ws.isDemo()) {
                throw new UserError("The demo workspace is sample data: actions are disabled.");
            }
            var ec = ws.config().environments().get(env);
            if (ec == null) {
                throw new UserError("No environment '" + env + "' in palisade.yaml; known: " + ws.config().environments().keySet() + ".");
            }
            KeyRotation rotation = new KeyRotation(AwsActionClients.standard().iam(ec), ws.actions(), ws.audit(), env,
                    PalisadeCommand.actor(), ctx.clock());
            switch (step) {
                case create -> {
                    KeyRotation.NewKey key = rotation.create(user, keyId);
                    try {
                        ctx.out().println("AccessKeyId=" + key.accessKeyId());
                        ctx.out().print("SecretAccessKey=");
                        ctx.out().println(key.secret());
                        ctx.out().flush();
                    } finally {
                        key.wipe();
                    }
                    ctx.err().println("The secret above is shown once. Update the key's consumers, then run --step deactivate.");
                }
                case deactivate -> {
                    printUse(rotation);
                    ctx.err().println(rotation.deactivate(user, keyId).message()
                            + " After a confirmation period, run --step delete.");
                }
                case delete -> ctx.err().println(rotation.delete(user, keyId).message());
                default -> throw new IllegalStateException();
            }
            return PalisadeCommand.OK;
        } catch (ActionException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void printUse(KeyRotation rotation) {
        for (var u : rotation.lastUse(user)) {
            ctx.err().printf("  %s %-8s last used %s%n", u.accessKeyId(), u.status(), u.lastUsed() == null ? "never" : Output.TIME.format(u.lastUsed()));
        }
    }
}
