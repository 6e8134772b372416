package dev.palisade.report;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.check.CheckMetadata;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report of one snapshot: one file, inline CSS, no scripts and no external
 * assets, so it reads offline and prints. Summary, sources, then failing findings grouped by area
 * and severity with their remediation, then what passed (collapsed).
 */
public final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    /** @param checks the catalogue, for each finding's area and title (unknown checks go under "Other") */
    public static void write(Snapshot s, List<Check> checks, Writer out) throws IOException {
        Map<String, CheckMetadata> meta = new LinkedHashMap<>();
        for (Check c : checks) {
            meta.put(c.metadata().id(), c.metadata());
        }
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Palisade report — ").append(esc(s.organization())).append(" — ").append(esc(s.id()))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>Security posture — ").append(esc(s.organization())).append("</h1><p class=\"meta\">Snapshot <code>")
                .append(esc(s.id())).append("</code> · scanned ").append(TIME.format(s.startedAt())).append(" in ")
                .append(Duration.between(s.startedAt(), s.finishedAt()).toSeconds()).append(" s · Palisade</p></header>\n");

        // summary
        Map<Severity, Integer> failBySev = new EnumMap<>(Severity.class);
        for (Finding f : s.findings()) {
            if (f.status() == Status.FAIL) {
                failBySev.merge(f.severity(), 1, Integer::sum);
            }
        }
        b.append("<section><h2>Summary</h2><div class=\"tiles\">");
        for (Severity sev : Severity.values()) {
            b.append("<div class=\"tile sev-").append(sev.name().toLowerCase()).append("\"><span class=\"n\">")
                    .append(failBySev.getOrDefault(sev, 0)).append("</span><span>").append(cap(sev.name()))
                    .append(" failing</span></div>");
        }
        b.append("</div><p>").append(s.count(Status.FAIL)).append(" failing, ").append(s.count(Status.ERROR))
                .append(" could not be evaluated (ERROR), ").append(s.count(Status.MUTED)).append(" accepted (MUTED), ")
                .append(s.count(Status.PASS)).append(" passing.</p>");
        if (s.anySourceFailed()) {
            b.append("<p class=\"warn\">Some sources could not be read completely; their checks are ERROR, not PASS.</p>");
        }
        b.append("<table><thead><tr><th>Source</th><th>Status</th><th>Detail</th><th>API calls</th><th>Duration</th></tr></thead><tbody>");
        for (SourceStatus src : s.sources()) {
            b.append("<tr><td>").append(esc(src.name())).append("</td><td class=\"st-").append(src.status().name().toLowerCase())
                    .append("\">").append(src.status()).append("</td><td>").append(esc(src.error() == null ? "" : src.error()))
                    .append("</td><td>").append(src.apiCalls()).append("</td><td>").append(String.format("%.1f s", src.durationMs() / 1000.0))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>\n");

        // findings by area, then severity
        Map<String, List<Finding>> byArea = new LinkedHashMap<>();
        for (Area a : Area.values()) {
            byArea.put(a.title(), new ArrayList<>());
        }
        byArea.put("Other", new ArrayList<>());
        List<Finding> passing = new ArrayList<>();
        for (Finding f : s.findings()) {
            if (f.status() == Status.PASS) {
                passing.add(f);
                continue;
            }
            CheckMetadata m = meta.get(f.check());
            byArea.get(m == null ? "Other" : m.area().title()).add(f);
        }
        b.append("<section><h2>Findings to act on</h2>");
        boolean any = false;
        for (Map.Entry<String, List<Finding>> e : byArea.entrySet()) {
            List<Finding> fs = e.getValue();
            if (fs.isEmpty()) {
                continue;
            }
            any = true;
            fs.sort(CheckEngine.ORDER);
            b.append("<h3>").append(esc(e.getKey())).append(" <span class=\"count\">").append(fs.size()).append("</span></h3>");
            for (Finding f : fs) {
                CheckMetadata m = meta.get(f.check());
                b.append("<article class=\"finding sev-").append(f.severity().name().toLowerCase()).append("\">")
                        .append("<div class=\"head\"><span class=\"badge st-").append(f.status().name().toLowerCase()).append("\">")
                        .append(f.status()).append("</span> <span class=\"badge sev\">").append(f.severity()).append("</span> <strong>")
                        .append(esc(m == null ? f.check() : m.title())).append("</strong> <code>").append(esc(f.check()))
                        .append("</code>").append(f.env() == null ? "" : " <span class=\"env\">" + esc(f.env()) + "</span>")
                        .append("</div><p>").append(esc(f.message())).append("</p><p class=\"res\">")
                        .append(esc(f.resource().type())).append(" · <code>").append(esc(f.resource().id())).append("</code></p>");
                String remediation = f.remediation() != null ? f.remediation() : m == null ? null : m.remediation();
                if (remediation != null && !remediation.isBlank()) {
                    b.append("<p class=\"fix\"><b>What to do:</b> ").append(esc(remediation)).append("</p>");
                }
                if (f.triage() != null) {
                    b.append("<p class=\"triage\">Triage: ").append(esc(String.valueOf(f.triage().note())))
                            .append(f.triage().mutedUntil() == null ? "" : " — muted until " + TIME.format(f.triage().mutedUntil()))
                            .append(f.triage().owner() == null ? "" : " — owner " + esc(f.triage().owner())).append("</p>");
                }
                b.append("</article>\n");
            }
        }
        if (!any) {
            b.append("<p>Nothing to act on: every evaluated check passed.</p>");
        }
        b.append("</section>\n<section class=\"passing\"><h2>Passing checks <span class=\"count\">").append(passing.size())
                .append("</span></h2><details><summary>Show what was checked and passed</summary><table><thead><tr><th>Check</th>")
                .append("<th>Environment</th><th>Resource</th></tr></thead><tbody>");
        passing.sort(CheckEngine.ORDER);
        for (Finding f : passing) {
            b.append("<tr><td><code>").append(esc(f.check())).append("</code></td><td>").append(esc(f.env() == null ? "" : f.env()))
                    .append("</td><td>").append(esc(f.resource().name())).append("</td></tr>");
        }
        b.append("</tbody></table></details></section>\n<footer>Generated by Palisade from snapshot ").append(esc(s.id()))
                .append(". Sources marked ").append(SourceState.ERROR).append(" or ").append(SourceState.PARTIAL)
                .append(" were not fully read.</footer></body></html>\n");
        out.write(b.toString());
        out.flush();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String cap(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase();
    }

    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--crit:#a40e26;--high:#d1242f;--med:#bc4c00;--low:#9a6700;--info:#0969da;--ok:#1a7f37}
            *{box-sizing:border-box}body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);max-width:1100px;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.6rem;margin:0}h2{border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2rem}h3{margin:1.5rem 0 .5rem}
            .meta,.res,footer{color:var(--muted)}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:0 .25rem;border-radius:4px}
            .tiles{display:flex;gap:.75rem;flex-wrap:wrap}.tile{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:.5rem .9rem;min-width:120px}
            .tile .n{display:block;font-size:1.5rem;font-weight:600}.sev-critical{border-left-color:var(--crit)}.sev-high{border-left-color:var(--high)}
            .sev-medium{border-left-color:var(--med)}.sev-low{border-left-color:var(--low)}.sev-info{border-left-color:var(--info)}
            table{border-collapse:collapse;width:100%;margin:.75rem 0}th,td{text-align:left;border-bottom:1px solid var(--line);padding:.3rem .5rem;vertical-align:top}
            .finding{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:.5rem .9rem;margin:.5rem 0;break-inside:avoid}
            .finding p{margin:.25rem 0}.badge{font-size:11px;font-weight:600;border-radius:10px;padding:1px 8px;border:1px solid var(--line)}
            .st-fail,.st-error{color:var(--high)}.st-muted{color:var(--muted)}.st-ok,.st-pass{color:var(--ok)}.st-partial{color:var(--med)}
            .env{font-size:12px;color:var(--muted)}.count{font-size:.8em;color:var(--muted);font-weight:normal}.warn{color:var(--med);font-weight:600}
            .fix{background:#f6f8fa;border-radius:4px;padding:.3rem .5rem}.triage{color:var(--muted);font-style:italic}footer{margin:2rem 0;font-size:12px}
            @media print{body{margin:0;max-width:none}details{display:block}details>summary{display:none}.finding,.tile{border-color:#999}a{color:inherit}}
            """;
}
