package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.SecurityIssue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GitHub checks: the org's 2FA requirement, every member's and outside collaborator's 2FA,
 * open Dependabot and secret-scanning alerts per repository, and open security issues with their
 * age against {@code thresholds.issueSlaDays}. Each reports nothing when GitHub was not part of the
 * scan, and ERROR (never PASS) where the data could not be read. Every configured organization is
 * evaluated; an account in several organizations is one account (one {@code github.member.2fa} finding).
 */
public final class GitHubChecks {
    private GitHubChecks() {
    }

    public static List<Check> all() {
        return List.of(new OrgTwoFactorRequired(), new MemberTwoFactor(), new DependabotAlerts(), new SecretScanningAlerts(),
                new SecurityIssueOpen(), new SecurityIssueOverdue());
    }

    /**
     * Base of the GitHub checks: nothing when GitHub was not part of the scan, else
     * {@link #evaluate(CheckContext, GitHubOrg)} for every organization, in configuration order.
     */
    abstract static class GitHubCheck extends AbstractCheck {
        GitHubCheck(String id, String title, Area area, Severity severity, String rationale, String remediation) {
            super(id, title, area, "github", severity, rationale, remediation);
        }

        @Override
        public final List<Finding> evaluate(CheckContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (GitHubOrg org : ctx.inventory().github()) {
                out.addAll(evaluate(ctx, org));
            }
            return out;
        }

        abstract List<Finding> evaluate(CheckContext ctx, GitHubOrg org);
    }

    /** {@code github.org.2fa_required}. */
    public static final class OrgTwoFactorRequired extends GitHubCheck {
        public OrgTwoFactorRequired() {
            super("github.org.2fa_required", "GitHub organization requires 2FA", Area.ACCESS, Severity.HIGH,
                    "Without the requirement, a member whose password leaks gives away the code and the secrets in it.",
                    "In the organization's Settings → Authentication security, tick 'Require two-factor authentication"
                            + " for everyone'. Members without 2FA are removed, so ask them to enable it first.");
        }

        @Override
        List<Finding> evaluate(CheckContext ctx, GitHubOrg org) {
            Resource r = Resources.githubOrg(org.organization());
            Fact<Boolean> f = org.twoFactorRequired();
            if (!f.isKnown() || f.value() == null) {
                return List.of(error(null, r, explain("Whether GitHub organization " + org.organization()
                        + " requires 2FA could not be read", f, org.organization())));
            }
            return List.of(f.value()
                    ? pass(null, r, "GitHub organization " + org.organization() + " requires two-factor authentication.")
                    : fail(null, r, "GitHub organization " + org.organization() + " does not require two-factor authentication."));
        }
    }

    /** {@code github.member.2fa}: CRITICAL for org owners. */
    public static final class MemberTwoFactor extends AbstractCheck {
        public MemberTwoFactor() {
            super("github.member.2fa", "GitHub member has 2FA", Area.ACCESS, "github", Severity.HIGH,
                    "An account without a second factor falls to one phished or reused password.",
                    "Ask the person to enable two-factor authentication on GitHub (Settings → Password and"
                            + " authentication), or remove them from the organization.");
        }

        /**
         * One finding per account across all organizations: a login in two orgs is one account, so it gets
         * one finding (CRITICAL when it owns any of them; with several orgs the message names them).
         */
        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            List<GitHubOrg> orgs = ctx.inventory().github();
            // In the order met: an ERROR finding for a list that could not be read, or a login seen first there.
            List<Object> order = new ArrayList<>();
            Map<String, List<Seat>> seats = new LinkedHashMap<>();
            for (GitHubOrg org : orgs) {
                accounts(order, seats, org, org.members(), "Members");
                if (!org.unreadableAsAWhole()) { // a source that failed as a whole gives one ERROR, not two
                    accounts(order, seats, org, org.outsideCollaborators(), "Outside collaborators");
                }
            }
            List<Finding> out = new ArrayList<>();
            for (Object o : order) {
                out.add(o instanceof Finding f ? f : finding(seats.get((String) o), orgs.size() > 1));
            }
            return out;
        }

        /** One account's place in one organization. */
        private record Seat(String org, GitHubMember member) {
        }

        /** The ERROR for an unlisted list, else each account's seat (outside collaborators may appear in both lists). */
        private void accounts(List<Object> order, Map<String, List<Seat>> seats, GitHubOrg org, Fact<List<GitHubMember>> list,
                              String what) {
            if (list == null) {
                return;
            }
            if (!list.isKnown()) {
                order.add(error(null, Resources.githubOrg(org.organization()), explain(what + " of GitHub organization "
                        + org.organization() + " could not be listed", list, org.organization())));
                return;
            }
            for (GitHubMember m : list.value() == null ? List.<GitHubMember>of() : list.value()) {
                String login = m.login().toLowerCase(Locale.ROOT);
                if (!seats.containsKey(login)) {
                    order.add(login);
                }
                List<Seat> held = seats.computeIfAbsent(login, k -> new ArrayList<>());
                if (held.stream().noneMatch(x -> x.org().equals(org.organization()))) {
                    held.add(new Seat(org.organization(), m));
                }
            }
        }

        private Finding finding(List<Seat> held, boolean nameOrgs) {
            GitHubMember m = held.get(0).member();
            boolean owner = held.stream().anyMatch(x -> "admin".equals(x.member().role()));
            boolean outsideOnly = held.stream().allMatch(x -> x.member().outsideCollaborator());
            String role = owner ? "admin" : outsideOnly ? "outside_collaborator" : "member";
            Resource r = Resources.githubMember(m.login());
            String who = describe(role, m.login());
            if (nameOrgs) {
                who += " (" + String.join(", ", held.stream().map(x -> x.org()
                        + ("admin".equals(x.member().role()) ? " owner" : x.member().outsideCollaborator() ? " outside collaborator" : ""))
                        .toList()) + ")";
            }
            Boolean enabled = GitHubMember.twoFactorOfAccount(held.stream().map(Seat::member).toList());
            if (enabled == null) {
                return error(null, r, "2FA status of " + who + " is unknown. " + orUnknown(m.twoFactorEnabled()));
            }
            if (enabled) {
                return pass(null, r, who + " has two-factor authentication enabled.");
            }
            Severity s = owner ? Severity.CRITICAL : metadata().severity();
            return fail(null, r, s, who + " has two-factor authentication disabled.");
        }

        private static String describe(String role, String login) {
            return switch (role) {
                case "admin" -> "GitHub org owner " + login;
                case "outside_collaborator" -> "GitHub outside collaborator " + login;
                default -> "GitHub member " + login;
            };
        }
    }

    /** {@code github.dependabot.alerts}: severity of a FAIL is that of the worst open alert. */
    public static final class DependabotAlerts extends GitHubCheck {
        public DependabotAlerts() {
            super("github.dependabot.alerts", "Open Dependabot alerts", Area.ISSUES, Severity.HIGH,
                    "Open Dependabot alerts are known-vulnerable dependencies shipping in the code.",
                    "Open the repository's Security → Dependabot tab, merge or create the upgrade pull requests, and"
                            + " dismiss alerts that do not apply with a reason. Enable Dependabot alerts where they are off.");
        }

        @Override
        List<Finding> evaluate(CheckContext ctx, GitHubOrg org) {
            return alerts(this, org, true);
        }
    }

    /** {@code github.secret_scanning.alerts}: counts only, never a secret. */
    public static final class SecretScanningAlerts extends GitHubCheck {
        public SecretScanningAlerts() {
            super("github.secret_scanning.alerts", "Open secret-scanning alerts", Area.ISSUES, Severity.HIGH,
                    "A secret committed to a repository is readable by everyone with access to its history.",
                    "Open the repository's Security → Secret scanning tab, revoke and rotate each exposed secret at"
                            + " its issuer, then close the alert as revoked. Enable secret scanning where it is off.");
        }

        @Override
        List<Finding> evaluate(CheckContext ctx, GitHubOrg org) {
            return alerts(this, org, false);
        }
    }

    private static List<Finding> alerts(AbstractCheck check, GitHubOrg org, boolean dependabot) {
        String kind = dependabot ? "Dependabot" : "secret-scanning";
        Fact<List<GitHubRepo>> repos = org.repositories();
        if (!repos.isKnown()) {
            return List.of(check.error(null, Resources.githubOrg(org.organization()),
                    "The " + kind + " alerts of GitHub organization " + org.organization() + " are unknown. "
                            + explain("Its repositories could not be listed", repos, org.organization())));
        }
        List<Finding> out = new ArrayList<>();
        for (GitHubRepo repo : repos.value() == null ? List.<GitHubRepo>of() : repos.value()) {
            Resource r = Resources.githubRepo(repo.fullName());
            Fact<AlertCounts> f = dependabot ? repo.dependabot() : repo.secretScanning();
            if (f == null || !f.isKnown()) {
                out.add(check.error(null, r, explain("Open " + kind + " alerts of " + repo.fullName()
                        + " could not be read", f, repo.fullName())));
            } else if (f.value() == null) {
                out.add(check.fail(null, r, Severity.LOW, (dependabot ? "Dependabot alerts are" : "Secret scanning is")
                        + " disabled for " + repo.fullName() + ", so " + (dependabot ? "vulnerable dependencies" : "committed secrets")
                        + " go unreported."));
            } else if (f.value().open() == 0) {
                out.add(check.pass(null, r, repo.fullName() + " has no open " + kind + " alerts."));
            } else {
                AlertCounts c = f.value();
                if (dependabot) {
                    out.add(check.fail(null, r, worst(c, check.metadata().severity()), repo.fullName() + " has "
                            + c.open() + " open Dependabot alert" + (c.open() == 1 ? "" : "s") + " (" + c.critical()
                            + " critical, " + c.high() + " high, " + c.medium() + " medium, " + c.low() + " low)."));
                } else {
                    out.add(check.fail(null, r, repo.fullName() + " has " + c.open() + " open secret-scanning alert"
                            + (c.open() == 1 ? "" : "s") + ": exposed secrets to revoke."));
                }
            }
        }
        return out;
    }

    private static Severity worst(AlertCounts c, Severity fallback) {
        if (c.critical() > 0) {
            return Severity.CRITICAL;
        }
        if (c.high() > 0) {
            return Severity.HIGH;
        }
        if (c.medium() > 0) {
            return Severity.MEDIUM;
        }
        if (c.low() > 0) {
            return Severity.LOW;
        }
        return fallback;
    }

    /**
     * Base of the two security-issue checks: one ERROR on the organization when its issues could not be
     * listed, one PASS when none is open, else {@link #evaluate(CheckContext, SecurityIssue, Severity)} per
     * issue with the severity of its label.
     */
    abstract static class SecurityIssueCheck extends GitHubCheck {
        SecurityIssueCheck(String id, String title, Severity severity, String rationale, String remediation) {
            super(id, title, Area.ISSUES, severity, rationale, remediation);
        }

        @Override
        final List<Finding> evaluate(CheckContext ctx, GitHubOrg org) {
            Fact<List<SecurityIssue>> issues = org.issues();
            Resource orgRes = Resources.githubOrg(org.organization());
            if (!issues.isKnown()) {
                return List.of(error(null, orgRes, unlisted(org.organization(), issues)));
            }
            List<SecurityIssue> list = issues.value() == null ? List.of() : issues.value();
            if (list.isEmpty()) {
                return List.of(pass(null, orgRes, "GitHub organization " + org.organization() + noneOpen()));
            }
            List<Finding> out = new ArrayList<>();
            for (SecurityIssue i : list) {
                out.add(evaluate(ctx, i, severityOf(i, metadata().severity())));
            }
            out.addAll(clean(org, list));
            return out;
        }

        /** Findings for what has no open issue (nothing by default). */
        List<Finding> clean(GitHubOrg org, List<SecurityIssue> open) {
            return List.of();
        }

        /** The ERROR message when the issues of organization {@code org} could not be listed. */
        abstract String unlisted(String org, Fact<?> issues);

        /** What follows "GitHub organization ORG" in the PASS when no security issue is open. */
        abstract String noneOpen();

        /** The finding for one open issue; {@code severity} is that of its label. */
        abstract Finding evaluate(CheckContext ctx, SecurityIssue issue, Severity severity);
    }

    /** {@code issue.security.open}: every open labelled issue FAILs, with the severity of its label. */
    public static final class SecurityIssueOpen extends SecurityIssueCheck {
        public SecurityIssueOpen() {
            super("issue.security.open", "Open security issue", Severity.MEDIUM,
                    "Each open security issue is a known weakness that is still exploitable.",
                    "Fix and close the issue, or record the accepted risk by muting the finding with a note and an expiry."
                            + " Give it a severity label (critical, high, medium, low) so its SLA applies.");
        }

        @Override
        String unlisted(String org, Fact<?> issues) {
            return explain("Security issues of GitHub organization " + org + " could not be listed", issues, org);
        }

        @Override
        String noneOpen() {
            return " has no open issues with a security label.";
        }

        /** A PASS for every active repository without an open security issue, so a clean repository shows as checked. */
        @Override
        List<Finding> clean(GitHubOrg org, List<SecurityIssue> open) {
            if (!org.repositories().isKnown() || org.repositories().value() == null) {
                return List.of();
            }
            java.util.Set<String> withIssues = new java.util.HashSet<>();
            open.forEach(i -> withIssues.add(i.repository()));
            List<Finding> out = new ArrayList<>();
            for (var r : org.repositories().value()) {
                if (!r.archived() && !withIssues.contains(r.fullName())) {
                    out.add(pass(null, Resources.githubRepo(r.fullName()),
                            "Repository " + r.fullName() + " has no open issues with a security label."));
                }
            }
            return out;
        }

        @Override
        Finding evaluate(CheckContext ctx, SecurityIssue i, Severity s) {
            String age = i.createdAt() == null ? "for an unknown time"
                    : "for " + days(Duration.between(i.createdAt(), ctx.now())) + " days";
            return fail(null, resource(i), s, openFor(i) + age + ", "
                    + (i.assignee() == null ? "unassigned" : "assigned to " + i.assignee()) + ".");
        }
    }

    /** {@code issue.security.overdue}: open longer than the SLA of its severity. */
    public static final class SecurityIssueOverdue extends SecurityIssueCheck {
        public SecurityIssueOverdue() {
            super("issue.security.overdue", "Security issue past its SLA", Severity.MEDIUM,
                    "A security issue open past its agreed fix time shows the process is not keeping up.",
                    "Fix the issue now or escalate it; if the risk is accepted, mute the finding with a note and an"
                            + " expiry. The SLAs are thresholds.issueSlaDays in palisade.yaml.");
        }

        @Override
        String unlisted(String org, Fact<?> issues) {
            return "The SLAs of security issues in GitHub organization " + org + " are unknown. "
                    + explain("They could not be listed", issues, org);
        }

        @Override
        String noneOpen() {
            return " has no open security issues, so none is past its SLA.";
        }

        @Override
        Finding evaluate(CheckContext ctx, SecurityIssue i, Severity s) {
            int sla = ctx.thresholds().issueSlaDays().days(s);
            if (i.createdAt() == null) {
                return error(null, resource(i), "Security issue " + label(i) + " has no creation time, so its age"
                        + " against the " + sla + "-day SLA is unknown.");
            }
            Duration age = Duration.between(i.createdAt(), ctx.now());
            String text = openFor(i) + "for " + days(age) + " days";
            if (age.compareTo(Duration.ofDays(sla)) > 0) {
                return fail(null, resource(i), s, text + ", past its " + sla + "-day SLA by "
                        + days(age.minusDays(sla)) + " days.");
            }
            return pass(null, resource(i), text + ", within its " + sla + "-day SLA.");
        }
    }

    /** The issue's severity from its label; {@code fallback} (the check's default) when unlabelled. */
    static Severity severityOf(SecurityIssue i, Severity fallback) {
        if (i.severity() == null) {
            return fallback;
        }
        return switch (i.severity().toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "high" -> Severity.HIGH;
            case "medium" -> Severity.MEDIUM;
            case "low" -> Severity.LOW;
            default -> fallback;
        };
    }

    /** "Security issue acme/api#12 (high) has been open " — the start of both issue checks' sentences. */
    private static String openFor(SecurityIssue i) {
        return "Security issue " + label(i) + " (" + sevText(i) + ") has been open ";
    }

    private static String sevText(SecurityIssue i) {
        return i.severity() == null ? "no severity label, treated as medium" : i.severity().toLowerCase(Locale.ROOT);
    }

    private static Resource resource(SecurityIssue i) {
        return Resources.issue(i.url(), label(i) + " " + i.title());
    }

    private static String label(SecurityIssue i) {
        return (i.repository() == null ? "" : i.repository()) + "#" + i.number();
    }

    private static long days(Duration d) {
        return Math.max(0, d.toDays());
    }

    private static String orUnknown(Fact<?> f) {
        return f == null ? "not collected." : f.error() == null ? "GitHub gave no value." : f.error();
    }

    /**
     * The collector's reasons already say what could not be read and name the resource; repeat the
     * context only when a reason does not.
     */
    private static String explain(String context, Fact<?> f, String name) {
        String why = orUnknown(f);
        return f != null && f.error() != null && why.contains(name) ? why : context + ": " + why;
    }
}
