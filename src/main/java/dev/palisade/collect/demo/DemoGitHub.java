package dev.palisade.collect.demo;

import dev.palisade.core.Fact;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.SecurityIssue;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo company's GitHub organizations: the product org {@code acme-demo} and the open-source org
 * {@code acme-demo-oss} (SDKs and Terraform modules), which has required 2FA all along.
 */
final class DemoGitHub {
    static final String ORG = "acme-demo";
    static final String OSS_ORG = "acme-demo-oss";
    /** Both organizations, in configuration order. */
    static final List<String> ORGS = List.of(ORG, OSS_ORG);
    /** The week in which GitHub rate-limited the scan (members, alerts and issues unread). */
    static final int RATE_LIMITED_STAGE = 3;
    static final String RATE_LIMIT_ERROR =
            "GitHub API rate limit exceeded (X-RateLimit-Remaining: 0); members' 2FA, alerts and issues were not read";

    private DemoGitHub() {
    }

    /** The source's error in the rate-limited week, as the collector words it for several orgs: each org named. */
    static String rateLimitedSourceError() {
        return String.join(" ", ORGS.stream().map(o -> o + ": " + RATE_LIMIT_ERROR + ".").toList());
    }

    /** Both organizations as read at {@code m}; in the rate-limited week neither could be read in full. */
    static List<GitHubOrg> orgs(Moment m, boolean rateLimited) {
        return List.of(org(m, rateLimited), ossOrg(m, rateLimited));
    }

    static GitHubOrg org(Moment m, boolean rateLimited) {
        // The 2FA requirement was switched off in week 5 to onboard a contractor without 2FA.
        boolean required = m.before(5);
        if (rateLimited) {
            return new GitHubOrg(ORG, Fact.known(required), Fact.unknown(RATE_LIMIT_ERROR), Fact.unknown(RATE_LIMIT_ERROR),
                    Fact.unknown(RATE_LIMIT_ERROR), Fact.unknown(RATE_LIMIT_ERROR));
        }
        return new GitHubOrg(ORG, Fact.known(required), Fact.known(members(m)), Fact.known(repos(m)),
                Fact.known(issues(m)), Fact.known(outsideCollaborators(m)));
    }

    /**
     * The open-source org: three people who are also in {@code acme-demo} and an external maintainer (an
     * outside collaborator nobody at Acme owns), all with 2FA since the org requires it; two public repositories.
     */
    static GitHubOrg ossOrg(Moment m, boolean rateLimited) {
        if (rateLimited) {
            return new GitHubOrg(OSS_ORG, Fact.known(true), Fact.unknown(RATE_LIMIT_ERROR), Fact.unknown(RATE_LIMIT_ERROR),
                    Fact.unknown(RATE_LIMIT_ERROR), Fact.unknown(RATE_LIMIT_ERROR));
        }
        List<GitHubMember> members = List.of(
                member("mayachen", "Maya Chen", "admin", true, List.of()),
                member("leopark", "Leo Park", "member", true, List.of()),
                member("samr", "Sam Rivera", "member", true, List.of("sam.rivera@acme.example")));
        List<GitHubMember> outside = List.of(member("jo-hansen-dev", "Jo Hansen", "outside_collaborator", true, List.of()));
        List<GitHubMember> all = new ArrayList<>(members);
        all.addAll(outside);
        List<GitHubRepo> repos = List.of(
                // A vulnerable transitive dependency of the JS SDK was reported in week 4 and is still open.
                new GitHubRepo(OSS_ORG + "/sdk-js", false, false,
                        Fact.known(m.from(4) ? new AlertCounts(1, 0, 0, 1, 0) : AlertCounts.none()), Fact.known(AlertCounts.none())),
                new GitHubRepo(OSS_ORG + "/terraform-modules", false, false, Fact.known(AlertCounts.none()),
                        Fact.known(AlertCounts.none())));
        List<SecurityIssue> issues = new ArrayList<>();
        if (m.from(1)) {
            add(issues, m, OSS_ORG, "sdk-js", 57, "Prototype pollution in SDK option merging", "medium", -20, 99, "samr",
                    "jo-hansen-dev");
        }
        return new GitHubOrg(OSS_ORG, Fact.known(true), Fact.known(List.copyOf(all)), Fact.known(repos),
                Fact.known(List.copyOf(issues)), Fact.known(outside));
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
        return u;
    }

    /** From week 5 a contractor, without 2FA, works on the api repository as an outside collaborator. */
    private static List<GitHubMember> outsideCollaborators(Moment m) {
        return m.from(5) ? List.of(member("rajp-contractor", "Raj Patel", "outside_collaborator", false, List.of())) : List.of();
    }

    private static GitHubMember member(String login, String name, String role, boolean twoFa, List<String> emails) {
        return new GitHubMember(login, name, role, Fact.known(twoFa), emails);
    }

    private static List<GitHubRepo> repos(Moment m) {
        int weeksLeft = Moment.CURRENT - m.stage();
        return List.of(
                repo("api", true, false, new AlertCounts(5 + weeksLeft * 2, 1, 2 + weeksLeft, 1 + weeksLeft, 1), new AlertCounts(1, 0, 0, 0, 0)),
                repo("web", true, false, m.from(2) ? new AlertCounts(2, 0, 0, 2, 0) : new AlertCounts(6, 0, 2, 3, 1), AlertCounts.none()),
                // The leaked token in infra was revoked and the alert closed in week 2.
                repo("infra", true, false, AlertCounts.none(), m.before(2) ? new AlertCounts(1, 0, 0, 0, 0) : AlertCounts.none()),
                repo("mobile", true, false, m.from(1) ? AlertCounts.none() : new AlertCounts(3, 0, 1, 2, 0), AlertCounts.none()),
                repo("docs", false, false, AlertCounts.none(), new AlertCounts(2, 0, 0, 0, 0)),
                // Secret scanning was never enabled on the marketing website (known null = disabled).
                new GitHubRepo(ORG + "/website", false, false,
                        Fact.known(m.from(4) ? new AlertCounts(1, 0, 1, 0, 0) : AlertCounts.none()), Fact.known(null)),
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
        add(out, m, ORG, repo, number, title, severity, createdDays, closedInStage, assignee, author);
    }

    private static void add(List<SecurityIssue> out, Moment m, String org, String repo, int number, String title,
                            String severity, double createdDays, int closedInStage, String assignee, String author) {
        var created = m.anchored(createdDays);
        if (!m.exists(created) || m.stage() >= closedInStage) {
            return;
        }
        List<String> labels = severity == null ? List.of("security") : List.of("security", "severity:" + severity);
        out.add(new SecurityIssue("https://github.com/" + org + "/" + repo + "/issues/" + number, org + "/" + repo, number,
                title, labels, severity, created, assignee, author));
    }
}
