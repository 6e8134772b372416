package dev.palisade.collect.aws;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IAM credential report (CSV) parsed into rows keyed by user name; the root user's row is
 * {@code <root_account>}. Sentinels ({@code N/A}, {@code no_information}, {@code not_supported})
 * become null.
 */
final class CredentialReport {
    static final String ROOT = "<root_account>";

    /** One row; a column absent from the report reads as null. */
    record Row(Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            if (v == null) {
                return null;
            }
            String t = v.trim();
            return t.isEmpty() || t.equalsIgnoreCase("N/A") || t.equalsIgnoreCase("no_information")
                    || t.equalsIgnoreCase("not_supported") ? null : t;
        }

        /** Booleans are case-insensitive; a missing value is false. */
        boolean flag(String column) {
            return "true".equalsIgnoreCase(get(column));
        }

        Instant time(String column) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(v);
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
    }

    private final Map<String, Row> rows;

    private CredentialReport(Map<String, Row> rows) {
        this.rows = rows;
    }

    Row row(String user) {
        return rows.get(user);
    }

    Row root() {
        return rows.get(ROOT);
    }

    int size() {
        return rows.size();
    }

    static CredentialReport parse(String csv) {
        List<List<String>> records = csvRecords(csv);
        Map<String, Row> out = new LinkedHashMap<>();
        if (records.isEmpty()) {
            return new CredentialReport(out);
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < r.size(); c++) {
                cells.put(header.get(c), r.get(c));
            }
            String user = cells.get("user");
            if (user != null) {
                out.put(user, new Row(cells));
            }
        }
        return new CredentialReport(out);
    }

    /** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
    static List<List<String>> csvRecords(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (any || field.length() > 0 || !current.isEmpty()) {
            current.add(field.toString());
            records.add(current);
        }
        return records;
    }
}
