package dev.palisade.cli;

import dev.palisade.core.Snapshot;
import dev.palisade.core.config.ConfigException;
import dev.palisade.scan.LocalWorkspace;
import dev.palisade.store.SnapshotSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code palisade}: the top command with the options every subcommand shares. */
@Command(name = "palisade", mixinStandardHelpOptions = true, versionProvider = PalisadeCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Security posture of a small SaaS company: AWS, TLS, Google Workspace, GitHub.",
            "Without a command, opens the desktop console."},
        footer = {"", "Exit codes: 0 done; 1 findings at or above --fail-on; 2 usage or configuration error;",
            "3 the scan finished but a source failed (its checks are ERROR, never PASS)."},
        subcommands = {ScanCommand.class, SnapshotsCommand.class, ShowCommand.class, DiffCommand.class,
            ExportCommand.class, AuditCommand.class, OffboardCommand.class, RotateKeyCommand.class})
public final class PalisadeCommand implements Callable<Integer> {
    /** Exit codes of SPEC.md. */
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int SOURCE_FAILED = 3;

    final CliContext ctx;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (palisade.yaml, palisade.db, logs/). Default: $PALISADE_HOME, else ~/.palisade.")
    Path home;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "Use the built-in demo company (stored in DIR/demo) instead of palisade.yaml.")
    boolean demo;

    public PalisadeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // no subcommand given through the CLI entry point (the Launcher opens the app instead)
        spec.commandLine().usage(ctx.err());
        return USAGE;
    }

    /** Who the audit log names for a headless command: the OS user ({@code cli:NAME}). */
    public static String actor() {
        return "cli:" + System.getProperty("user.name", "user");
    }

    /** The data directory: {@code --home}, else {@code $PALISADE_HOME}, else {@code ~/.palisade}. */
    public Path home() {
        return resolveHome(home, ctx.env());
    }

    public static Path resolveHome(Path flag, java.util.Map<String, String> env) {
        if (flag != null) {
            return flag.toAbsolutePath();
        }
        String h = env.get("PALISADE_HOME");
        if (h != null && !h.isBlank()) {
            return Path.of(h).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".palisade");
    }

    /** Opens the workspace; configuration and store errors propagate to the exit-code mapping. */
    public LocalWorkspace openWorkspace() throws ConfigException {
        return ctx.opener().open(home(), demo, ctx.clock(), ctx.env());
    }

    /** Loads a snapshot by id, {@code latest} or {@code previous}; unknown ids are a user error. */
    static Snapshot snapshot(LocalWorkspace ws, String id) {
        List<SnapshotSummary> all = ws.snapshots().list();
        String resolved = id;
        if ("latest".equals(id) || "previous".equals(id)) {
            int index = "latest".equals(id) ? 0 : 1;
            if (all.size() <= index) {
                throw new UserError("There is no " + id + " snapshot yet; run 'palisade scan' first.");
            }
            resolved = all.get(index).id();
        } else {
            List<String> matches = all.stream().map(SnapshotSummary::id).filter(s -> s.startsWith(id)).toList();
            if (matches.contains(id)) {
                resolved = id;
            } else if (matches.size() == 1) {
                resolved = matches.get(0);
            } else if (matches.size() > 1) {
                throw new UserError("Snapshot id '" + id + "' is ambiguous (" + matches.size()
                        + " snapshots start with it); give more of the id.");
            }
        }
        String r = resolved;
        return ws.snapshots().load(r).orElseThrow(() -> new UserError("No snapshot '" + id + "' in "
                + (ws.isDemo() ? "the demo store" : ws.config().home().resolve("palisade.db"))
                + "; list the stored ones with 'palisade snapshots'."));
    }

    /** {@code --version}: the jar's Implementation-Version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PalisadeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Palisade " + (v == null ? "0.1.0-dev" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
