package dev.palisade.cli;

import dev.palisade.core.Finding;
import dev.palisade.report.SnapshotDiff;
import dev.palisade.scan.LocalWorkspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code diff OLD_ID NEW_ID}: new, resolved and still-failing findings. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Shows new, regressed, resolved and still-failing findings between two snapshots.")
final class DiffCommand implements Callable<Integer> {
    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Parameters(index = "0", paramLabel = "OLD_ID")
    String older;

    @Parameters(index = "1", paramLabel = "NEW_ID")
    String newer;

    DiffCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace ws = parent.openWorkspace()) {
            SnapshotDiff d = SnapshotDiff.of(PalisadeCommand.snapshot(ws, older), PalisadeCommand.snapshot(ws, newer));
            PrintWriter out = ctx.out();
            out.printf("Diff %s → %s: %d new, %d regressed, %d resolved, %d still failing, %d unchanged passing%n",
                    d.olderId(), d.newerId(), d.newFailures().size(), d.regressed().size(), d.resolved().size(),
                    d.stillFailing().size(), d.unchanged());
            section(out, "New", d.newFailures());
            section(out, "Regressed (passed before)", d.regressed());
            section(out, "Resolved", d.resolved());
            section(out, "Still failing", d.stillFailing());
            out.flush();
            return PalisadeCommand.OK;
        }
    }

    private static void section(PrintWriter out, String title, List<Finding> fs) {
        if (fs.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + " (" + fs.size() + "):");
        fs.forEach(f -> Output.finding(f, out, false));
    }
}
