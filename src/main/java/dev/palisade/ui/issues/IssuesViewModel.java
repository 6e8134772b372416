package dev.palisade.ui.issues;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Triage;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.SecurityIssue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Open security issues with age against the SLA, and alert counts per repository. Pure. */
public final class IssuesViewModel {
    /** One issue; {@code finding} is its {@code issue.security.open} finding (for triage), if any. */
    public record IssueRow(String title, String repository, int number, Severity severity, long ageDays, int slaDays,
                           String assignee, String url, Triage triage, Finding finding) {
        public boolean overdue() {
            return ageDays > slaDays;
        }

        /** Age as a share of the SLA, capped at 1. */
        public double slaFraction() {
            return slaDays <= 0 ? 1 : Math.min(1, (double) ageDays / slaDays);
        }
    }

    /** Alert counts of one repository; a count is null when it could not be read (with the reason). */
    public record AlertRow(String repository, AlertCounts dependabot, String dependabotError, AlertCounts secretScanning,
                           String secretScanningError) {
        public int total() {
            return (dependabot == null ? 0 : dependabot.open()) + (secretScanning == null ? 0 : secretScanning.open());
        }
    }

    private IssuesViewModel() {
    }

    public static Severity severityOf(String label) {
        if (label == null) {
            return Severity.MEDIUM;
        }
        try {
            return Severity.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Severity.MEDIUM;
        }
    }

    public static List<IssueRow> issues(Snapshot s, Thresholds thresholds, Instant now) {
        List<SecurityIssue> all = new ArrayList<>();
        if (s.inventory() != null) {
            for (GitHubOrg org : s.inventory().github()) {
                if (org.issues() != null && org.issues().isKnown() && org.issues().value() != null) {
                    all.addAll(org.issues().value());
                }
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        Map<String, Finding> byUrl = new HashMap<>();
        for (Finding f : s.findings()) {
            if (f.check().equals("issue.security.open")) {
                byUrl.put(f.resource().id(), f);
            }
        }
        List<IssueRow> out = new ArrayList<>();
        for (SecurityIssue i : all) {
            Finding f = byUrl.get(i.url());
            Severity sev = f != null ? f.severity() : severityOf(i.severity());
            long age = i.createdAt() == null ? 0 : Duration.between(i.createdAt(), now).toDays();
            out.add(new IssueRow(i.title(), i.repository(), i.number(), sev, age, thresholds.issueSlaDays().days(sev),
                    i.assignee(), i.url(), f == null ? null : f.triage(), f));
        }
        out.sort(Comparator.comparing(IssueRow::overdue).reversed()
                .thenComparing(IssueRow::severity)
                .thenComparing(Comparator.comparingLong(IssueRow::ageDays).reversed()));
        return out;
    }

    public static List<AlertRow> alerts(Snapshot s) {
        List<GitHubRepo> repos = new ArrayList<>();
        if (s.inventory() != null) {
            for (GitHubOrg org : s.inventory().github()) {
                if (org.repositories() != null && org.repositories().isKnown() && org.repositories().value() != null) {
                    repos.addAll(org.repositories().value());
                }
            }
        }
        List<AlertRow> out = new ArrayList<>();
        for (GitHubRepo r : repos) {
            if (r.archived()) {
                continue;
            }
            out.add(new AlertRow(r.fullName(),
                    r.dependabot() != null && r.dependabot().isKnown() ? r.dependabot().value() : null,
                    r.dependabot() == null ? "not read" : r.dependabot().error(),
                    r.secretScanning() != null && r.secretScanning().isKnown() ? r.secretScanning().value() : null,
                    r.secretScanning() == null ? "not read" : r.secretScanning().error()));
        }
        out.sort(Comparator.comparingInt(AlertRow::total).reversed().thenComparing(AlertRow::repository));
        return out;
    }
}
