package dev.palisade.report;

import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import java.io.IOException;
import java.io.Writer;

/**
 * A snapshot's findings as CSV (RFC 4180, UTF-8, header row). Cells that a spreadsheet would run as
 * a formula ({@code = + - @} first) are prefixed with an apostrophe, since resource names and
 * messages come from the scanned systems.
 */
public final class CsvReport {
    public static final String HEADER = "snapshot,check,status,severity,environment,resource_type,resource_id,"
            + "resource_name,message,remediation,muted_until,owner,note";

    private CsvReport() {
    }

    public static void write(Snapshot s, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (Finding f : s.findings()) {
            var t = f.triage();
            String[] row = {s.id(), f.check(), f.status().name(), f.severity().name(), f.env(), f.resource().type(),
                f.resource().id(), f.resource().name(), f.message(), f.remediation(),
                t == null || t.mutedUntil() == null ? null : t.mutedUntil().toString(), t == null ? null : t.owner(),
                t == null ? null : t.note()};
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(row[i]));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    static String cell(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        String s = "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
