package dev.palisade.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.palisade.core.SnapshotJson;
import dev.palisade.scan.LocalWorkspace;
import dev.palisade.store.AuditEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit [--verify] [--export FILE]}. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the audit log; --verify checks its hash chain.")
final class AuditCommand implements Callable<Integer> {
    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Option(names = "--verify", description = "Check the hash chain; exit 1 and print the first broken entry when it fails.")
    boolean verify;

    @Option(names = "--export", paramLabel = "FILE|-", description = "Write the log as JSON (with hashes) to FILE; '-' for stdout.")
    String export;

    AuditCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace ws = parent.openWorkspace()) {
            List<AuditEntry> entries = ws.audit().entries();
            if (export != null) {
                ws.audit().append(PalisadeCommand.actor(), "export", "audit log", "OK",
                        "to " + ("-".equals(export) ? "stdout" : java.nio.file.Path.of(export).toAbsolutePath()));
                Output.to(export, ctx.out(), w -> w.write(SnapshotJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(entries) + System.lineSeparator()));
            }
            if (verify) {
                Optional<AuditEntry> broken = ws.audit().firstBroken();
                if (broken.isPresent()) {
                    AuditEntry b = broken.get();
                    ctx.err().println("Audit log is broken at entry " + b.seq() + " (" + Output.TIME.format(b.at()) + " "
                            + b.actor() + " " + b.action() + " " + b.target() + "): it, or an entry after it, was edited or"
                            + " deleted, or the log was rolled back to an older copy.");
                    return PalisadeCommand.FINDINGS;
                }
                ctx.err().println("Audit log intact: " + entries.size() + " entries, hash chain verified.");
                return PalisadeCommand.OK;
            }
            if (export == null) {
                PrintWriter out = ctx.out();
                for (AuditEntry e : entries) {
                    out.printf("%5d  %s  %-24s %-10s %-24s %-8s %s%n", e.seq(), Output.TIME.format(e.at()), e.actor(), e.action(),
                            e.target() == null ? "" : e.target(), e.outcome(), e.details() == null ? "" : e.details());
                }
                out.flush();
            }
            return PalisadeCommand.OK;
        }
    }
}
