package dev.palisade.cli;

import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.Status;
import dev.palisade.scan.LocalWorkspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code show SNAPSHOT_ID [--json FILE|-]}: a stored snapshot, offline. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints a stored snapshot (works offline).")
final class ShowCommand implements Callable<Integer> {
    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Parameters(index = "0", paramLabel = "SNAPSHOT_ID", description = "A snapshot id (or a unique prefix), 'latest' or 'previous'.")
    String id;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the snapshot JSON (palisade.snapshot/1) instead; '-' for stdout.")
    String json;

    @Option(names = "--all", description = "Also list PASS findings.")
    boolean all;

    ShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace ws = parent.openWorkspace()) {
            Snapshot s = PalisadeCommand.snapshot(ws, id);
            if (json != null) {
                Output.to(json, ctx.out(), w -> w.write(SnapshotJson.toJson(s, true) + System.lineSeparator()));
                if (!"-".equals(json)) {
                    ctx.err().println("Wrote " + json);
                }
                return PalisadeCommand.OK;
            }
            PrintWriter out = ctx.out();
            Output.summary(s, out);
            out.println();
            for (Finding f : s.findings()) {
                if (all || f.status() != Status.PASS) {
                    Output.finding(f, out, true);
                }
            }
            out.flush();
            return PalisadeCommand.OK;
        }
    }
}
