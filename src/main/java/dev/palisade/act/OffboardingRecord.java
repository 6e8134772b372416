package dev.palisade.act;

import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepRecord;
import dev.palisade.core.action.Verification;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offboarding record to hand an auditor: who ran it, when, every step with its action, target,
 * result and times, and the verification. As JSON ({@code palisade.offboarding/1}) and as a
 * self-contained HTML page. Holds no secret (plans and journal entries never do).
 */
public final class OffboardingRecord {
    public static final String SCHEMA = "palisade.offboarding/1";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private OffboardingRecord() {
    }

    public static String json(RunRecord run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("runId", run.runId());
        root.put("kind", run.plan().kind());
        root.put("subject", run.plan().subject());
        root.put("ranBy", run.plan().createdBy());
        root.put("plannedAt", run.plan().createdAt());
        root.put("deleteIamUsers", run.plan().deleteIamUsers());
        root.put("state", run.state());
        root.put("steps", run.steps().stream().map(s -> {
            PlanStep p = run.plan().steps().get(s.index());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", s.index() + 1);
            m.put("system", p.executorKey());
            m.put("action", p.action());
            m.put("target", p.target());
            m.put("description", p.description());
            m.put("result", s.state());
            m.put("startedAt", s.startedAt());
            m.put("finishedAt", s.finishedAt());
            m.put("message", s.message());
            return m;
        }).toList());
        root.put("notIncluded", run.plan().offered());
        root.put("verification", run.verification());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String html(RunRecord run) {
        StringBuilder rows = new StringBuilder();
        for (StepRecord s : run.steps()) {
            PlanStep p = run.plan().steps().get(s.index());
            rows.append("<tr class=\"").append(s.state().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                    .append(s.index() + 1).append("</td><td>").append(esc(p.executorKey())).append("</td><td><code>")
                    .append(esc(p.action())).append("</code></td><td><code>").append(esc(p.target())).append("</code></td><td>")
                    .append(s.state()).append("</td><td>").append(s.finishedAt() == null ? "" : s.finishedAt())
                    .append("</td><td>").append(esc(s.message() == null ? "" : s.message())).append("</td></tr>\n");
        }
        Verification v = run.verification();
        String verification = v == null ? "<p class=\"warn\">Not verified yet: resume or re-run verification.</p>"
                : v.clean() ? "<p class=\"ok\">Verified clean by rescan " + esc(v.snapshotId()) + " at " + v.at() + ".</p>"
                : "<p class=\"warn\">Still open after rescan " + esc(v.snapshotId()) + ":</p><ul>"
                + String.join("", v.stillOpen().stream().map(o -> "<li>" + esc(o) + "</li>").toList()) + "</ul>";
        List<String> offered = run.plan().offered().stream().map(a -> a.system() + (a.env() == null ? "" : ":" + a.env()) + " " + a.name()).toList();
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Offboarding record %s</title>
                <style>body{font:14px system-ui,sans-serif;margin:2em;color:#1f2328}table{border-collapse:collapse;width:100%%}
                td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
                tr.failed td{background:#ffebe9}tr.skipped td{color:#57606a}.ok{color:#1a7f37;font-weight:600}
                .warn{color:#9a6700;font-weight:600}code{font-size:12px}</style></head><body>
                <h1>Offboarding record: %s</h1>
                <p>Run <code>%s</code>, planned %s by %s; state <b>%s</b>; IAM users %s.</p>
                <table><thead><tr><th>#</th><th>System</th><th>Action</th><th>Target</th><th>Result</th><th>Finished</th><th>Detail</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <h2>Verification</h2>%s
                <h2>Offered, not included</h2><p>%s</p>
                <p><small>Generated by Palisade. Every step is also in the tamper-evident audit log.</small></p></body></html>
                """.formatted(esc(run.plan().subject()), esc(run.plan().subject()), esc(run.runId()), run.plan().createdAt(),
                esc(run.plan().createdBy()), run.state(), run.plan().deleteIamUsers() ? "deleted" : "kept disabled and tagged",
                rows, verification, offered.isEmpty() ? "None." : esc(String.join(", ", offered)));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
