package dev.palisade.cli;

import dev.palisade.checks.Catalogue;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.report.CsvReport;
import dev.palisade.report.HtmlReport;
import dev.palisade.scan.LocalWorkspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export SNAPSHOT_ID --format json|csv|html --out FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, description = "Writes a report of a stored snapshot.")
final class ExportCommand implements Callable<Integer> {
    enum Format { json, csv, html }

    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Parameters(index = "0", paramLabel = "SNAPSHOT_ID", description = "A snapshot id (or a unique prefix), 'latest' or 'previous'.")
    String id;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json, csv or html (one self-contained file).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report ('-' for stdout).")
    String out;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace ws = parent.openWorkspace()) {
            Snapshot s = PalisadeCommand.snapshot(ws, id);
            switch (format) {
                case json -> Output.to(out, ctx.out(), w -> w.write(SnapshotJson.toJson(s, true) + System.lineSeparator()));
                case csv -> Output.to(out, ctx.out(), w -> CsvReport.write(s, w));
                case html -> Output.to(out, ctx.out(), w -> HtmlReport.write(s, Catalogue.all(), w));
                default -> throw new IllegalStateException(String.valueOf(format));
            }
            // an export takes the company's map out of the encrypted store: audited
            ws.audit().append(PalisadeCommand.actor(), "export", s.id(), "OK",
                    format + " to " + ("-".equals(out) ? "stdout" : java.nio.file.Path.of(out).toAbsolutePath()));
            if (!"-".equals(out)) {
                ctx.err().println("Wrote " + format + " report of snapshot " + s.id() + " to " + out);
            }
            return PalisadeCommand.OK;
        }
    }
}
