package dev.palisade.cli;

import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.scan.LocalWorkspace;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code scan [--demo] [--only aws,tls,google,github] [--json FILE|-] [--fail-on SEVERITY]}. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the collectors and checks, stores a snapshot and prints a summary.")
final class ScanCommand implements Callable<Integer> {
    private static final int LISTED = 15;
    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Option(names = "--only", split = ",", paramLabel = "SOURCE",
            description = "Scan only these sources: aws, tls, google, github (comma separated).")
    List<String> only;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Also write the snapshot JSON (palisade.snapshot/1); '-' for stdout.")
    String json;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a FAIL finding is at least this severe: ${COMPLETION-CANDIDATES}.")
    Severity failOn;

    ScanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Set<String> selection = only == null ? Set.of() : new LinkedHashSet<>(only.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList());
        PrintWriter err = ctx.err();
        // the summary goes to stdout unless stdout carries the JSON
        PrintWriter summaryOut = "-".equals(json) ? err : ctx.out();
        try (LocalWorkspace ws = parent.openWorkspace()) {
            List<String> kinds = ws.sourcesFor(selection);
            err.println("Scanning " + ws.organization() + ": " + String.join(", ", kinds) + " …");
            err.flush();
            ScanProgress progress = new ScanProgress() {
                @Override
                public void update(String source, double fraction, String message) {
                    // per-call progress is for the app's progress bars; the CLI reports sources as they finish
                }

                @Override
                public void finished(SourceStatus st) {
                    synchronized (err) {
                        err.println("  " + st.name() + ": " + st.status() + (st.error() == null ? "" : " — " + st.error()));
                        err.flush();
                    }
                }
            };
            // A fresh demo store has just been seeded with a full scan: that is this command's scan.
            Snapshot seeded = selection.isEmpty() ? ws.seedScan().orElse(null) : null;
            if (seeded != null) {
                seeded.sources().forEach(progress::finished);
            }
            Snapshot s = seeded != null ? seeded : ws.scan(selection, progress);
            if (json != null) {
                Output.to(json, ctx.out(), w -> w.write(SnapshotJson.toJson(s, true) + System.lineSeparator()));
                if (!"-".equals(json)) {
                    err.println("Wrote " + json);
                }
            }
            Output.summary(s, summaryOut);
            List<Finding> failing = s.findings().stream().filter(Finding::isOpen).toList();
            failing.stream().limit(LISTED).forEach(f -> Output.finding(f, summaryOut, false));
            if (failing.size() > LISTED) {
                summaryOut.println("  … and " + (failing.size() - LISTED) + " more: palisade show " + s.id()
                        + (parent.demo ? " --demo" : ""));
            }
            summaryOut.flush();
            if (s.anySourceFailed()) {
                return PalisadeCommand.SOURCE_FAILED;
            }
            if (failOn != null && s.findings().stream().anyMatch(f -> f.status() == Status.FAIL && f.severity().atLeast(failOn))) {
                return PalisadeCommand.FINDINGS;
            }
            return PalisadeCommand.OK;
        }
    }
}
