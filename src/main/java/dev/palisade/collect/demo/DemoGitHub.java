package dev.palisade.collect.demo;

import dev.palisade.core.Fact;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.SecurityIssue;
import java.util.ArrayList;
import java.util.List;

/** The demo company's GitHub organization. */
final class DemoGitHub {
    static final String ORG = "acme-demo";
    /** The week in which GitHub rate-limited the scan (members, alerts and issues unread). */
    static final int RATE_LIMITED_STAGE = 3;
    static final String RATE_LIMIT_ERROR =
            "GitHub API rate limit exceeded (X-RateLimit-Remaining: 0); members' 2FA, alerts and issues were not read";

    private DemoGitHub() {
    }

    static GitHubOrg org(Moment m, boolean rateLimited) {
        // The 2FA requirement was switched off in week 5 to onboard a contractor without 2FA.
        boolean required = m.before(5);
        if (rateLimited) {
            return new GitHubOrg(ORG, Fact.known(required), Fact.unknown(RATE_LIMIT_ERROR), Fact.unknown(RATE_LIMIT_ERROR),
                    Fact.unknown(RATE_LIMIT_ERROR));
        }
        return new GitHubOrg(ORG, Fact.known(required), Fact.known(members(m)), Fact.known(repos(m)),
                Fact.known(issues(m)));
    }

    private static List<GitHubMember> members(Moment m) {
        List<GitHubMember> u = new ArrayList<>();
        u.add(member("mayachen", "Maya Chen", "admin", true, List.of()));
        u.add(member("leopark", "Leo Park", "admin", true, List.of()));
        u.add(member("dana-gh", "Dana Ortiz", "member", true, List.of()));
        u.add(member("samr", "Sam Rivera", "member", true, List.of("sam.rivera@acme.example")));
        // Priya replaced her phone in week 5 and turned 2FA off once the org stopped requiring it.
        u.add(member("priyanair", "Priya Nair", "member", m.before(5), List.of("priya.nair@acme.example")));
        u.add(member("ksato", "Ken Sato", "member", true, List.of()));
        u.add(member("tbecker", "Tom Becker", "member", true, List.of("tom.becker@acme.example")));
        u.add(member("acme-ci-bot", null, "member", true, List.of()));
        if (m.from(5)) {
            u.add(member("rajp-contractor", "Raj Patel", "outside_collaborator", false, List.of()));
        }
        return u;
    }

    private static GitHubMember member(String login, String name, String role, boolean twoFa, List<String> emails) {
        return new GitHubMember(login, name, role, Fact.known(twoFa), emails);
    }

    private static List<GitHubRepo> repos(Moment m) {
        int weeksLeft = Moment.CURRENT - m.stage();
        return List.of(
                repo("api", true, false, new AlertCounts(5 + weeksLeft * 2, 1, 2 + weeksLeft, 1 + weeksLeft, 1), new AlertCounts(1, 0, 0, 0, 0)),
                repo("web", true, false, new AlertCounts(2, 0, 0, 2, 0), AlertCounts.none()),
                // The leaked token in infra was revoked and the alert closed in week 2.
                repo("infra", true, false, AlertCounts.none(), m.before(2) ? new AlertCounts(1, 0, 0, 0, 0) : AlertCounts.none()),
                repo("mobile", true, false, AlertCounts.none(), AlertCounts.none()),
                repo("docs", false, false, AlertCounts.none(), new AlertCounts(2, 0, 0, 0, 0)),
                repo("website", false, false, m.from(4) ? new AlertCounts(1, 0, 1, 0, 0) : AlertCounts.none(), AlertCounts.none()),
                repo("old-admin", true, true, new AlertCounts(12, 2, 5, 4, 1), AlertCounts.none()));
    }

    private static GitHubRepo repo(String name, boolean priv, boolean archived, AlertCounts dependabot, AlertCounts secrets) {
        return new GitHubRepo(ORG + "/" + name, priv, archived, Fact.known(dependabot), Fact.known(secrets));
    }

    private static List<SecurityIssue> issues(Moment m) {
        List<SecurityIssue> all = new ArrayList<>();
        if (m.before(1)) {
            // Six weeks ago nobody labelled issues "security" yet: the label (and the triage habit) came in week 1.
            return all;
        }
        add(all, m, "api", 412, "SQL injection in report export filter", "critical", -3, 99, "leopark", "samr");
        add(all, m, "api", 388, "Session cookie missing SameSite attribute", "high", -45, 99, "samr", "leopark");
        add(all, m, "web", 120, "Stored XSS in comment preview", "high", -12, 99, "priyanair", "samr");
        add(all, m, "infra", 77, "Rotate leaked staging database password", "critical", -16, 99, null, "dana-gh");
        add(all, m, "web", 98, "Outdated lodash with prototype pollution", "medium", -120, 99, "priyanair", "dana-gh");
        add(all, m, "docs", 15, "Docs site can be framed (no frame-ancestors)", "low", -60, 99, null, "mayachen");
        add(all, m, "mobile", 31, "Certificate pinning missing in mobile app", null, -200, 99, "ksato", "leopark");
        // Issues fixed during the six weeks of history.
        add(all, m, "api", 301, "SSRF in webhook tester", "critical", -60, 3, "leopark", "mayachen");
        add(all, m, "infra", 64, "Terraform state bucket readable by CI role in demo", "high", -80, 2, "dana-gh", "dana-gh");
        add(all, m, "web", 90, "Open redirect on /login?next=", "medium", -30, 5, "priyanair", "samr");
        return all;
    }

    /** Adds the issue when it is open at the scan: created before it and not yet closed ({@code closedInStage}). */
    private static void add(List<SecurityIssue> out, Moment m, String repo, int number, String title, String severity,
                            double createdDays, int closedInStage, String assignee, String author) {
        var created = m.anchored(createdDays);
        if (!m.exists(created) || m.stage() >= closedInStage) {
            return;
        }
        List<String> labels = severity == null ? List.of("security") : List.of("security", "severity:" + severity);
        out.add(new SecurityIssue("https://github.com/" + ORG + "/" + repo + "/issues/" + number, ORG + "/" + repo, number,
                title, labels, severity, created, assignee, author));
    }
}
