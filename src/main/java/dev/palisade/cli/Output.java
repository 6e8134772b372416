package dev.palisade.cli;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text shapes shared by the commands, and writing a result to a file or stdout. */
final class Output {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Output() {
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes to stdout for {@code -}, else atomically to the file (temp + move), creating parent directories. */
    static void to(String target, PrintWriter out, Body body) {
        try {
            if ("-".equals(target)) {
                body.write(out);
                out.flush();
                return;
            }
            dev.palisade.core.AtomicFiles.write(Path.of(target), stream -> {
                Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
                body.write(w);
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); choose a writable location.", e);
        }
    }

    static String sources(List<SourceStatus> sources) {
        if (sources.isEmpty()) {
            return "none";
        }
        return sources.stream().map(s -> s.name() + " " + s.status()).collect(Collectors.joining(", "));
    }

    static void summary(Snapshot s, PrintWriter w) {
        w.printf("Snapshot %s  %s  %s (%s)%n", s.id(), s.organization(), TIME.format(s.startedAt()),
                seconds(Duration.between(s.startedAt(), s.finishedAt()).toMillis()));
        for (SourceStatus src : s.sources()) {
            w.printf("  source %-14s %-7s %5d calls %8s%s%n", src.name(), src.status(), src.apiCalls(),
                    seconds(src.durationMs()), src.error() == null ? "" : "  " + src.error());
        }
        int[] bySev = new int[Severity.values().length];
        for (Finding f : s.findings()) {
            if (f.status() == Status.FAIL) {
                bySev[f.severity().ordinal()]++;
            }
        }
        StringBuilder sev = new StringBuilder();
        for (Severity x : Severity.values()) {
            if (sev.length() > 0) {
                sev.append(", ");
            }
            sev.append(bySev[x.ordinal()]).append(' ').append(x.name().toLowerCase(Locale.ROOT));
        }
        w.printf("Findings: %d FAIL (%s), %d ERROR, %d MUTED, %d PASS%n", s.count(Status.FAIL), sev, s.count(Status.ERROR),
                s.count(Status.MUTED), s.count(Status.PASS));
        if (s.anySourceFailed()) {
            w.println("Some sources were not read completely: their checks are ERROR, not PASS.");
        }
    }

    static void finding(Finding f, PrintWriter w, boolean remediation) {
        w.printf("  %-5s %-8s %-32s %s%n", f.status(), f.severity(), f.check(), f.message());
        if (remediation && f.remediation() != null && !f.remediation().isBlank() && f.status() != Status.PASS) {
            w.printf("        %-8s %-32s fix: %s%n", "", "", f.remediation());
        }
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static boolean failed(List<SourceStatus> sources) {
        return sources.stream().anyMatch(s -> s.status() != SourceState.OK);
    }
}
