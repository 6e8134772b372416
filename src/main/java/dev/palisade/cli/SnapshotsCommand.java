package dev.palisade.cli;

import dev.palisade.scan.LocalWorkspace;
import dev.palisade.store.SnapshotSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code snapshots}: id, time, counts and sources' status of every stored snapshot, newest first. */
@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "Lists stored snapshots, newest first.")
final class SnapshotsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    SnapshotsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace ws = parent.openWorkspace()) {
            List<SnapshotSummary> all = ws.snapshots().list();
            if (all.isEmpty()) {
                ctx.err().println("No snapshots stored yet; run 'palisade scan'.");
                return PalisadeCommand.OK;
            }
            PrintWriter out = ctx.out();
            out.printf("%-22s %-20s %6s %6s %6s %6s  %s%n", "ID", "STARTED", "FAIL", "ERROR", "MUTED", "PASS", "SOURCES");
            for (SnapshotSummary s : all) {
                out.printf("%-22s %-20s %6d %6d %6d %6d  %s%n", s.id(), Output.TIME.format(s.startedAt()), s.fail(), s.error(),
                        s.muted(), s.pass(), Output.sources(s.sources()));
            }
            out.flush();
            return PalisadeCommand.OK;
        }
    }
}
