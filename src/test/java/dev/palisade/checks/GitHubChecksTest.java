package dev.palisade.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.SecurityIssue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubChecksTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Fact<List<GitHubRepo>> NO_REPOS = Fact.known(List.of());
    static final Fact<List<SecurityIssue>> NO_ISSUES = Fact.known(List.of());
    static final Fact<List<GitHubMember>> NO_MEMBERS = Fact.known(List.of());

    static CheckContext ctx(GitHubOrg org) {
        return ctx(org, Thresholds.defaults());
    }

    static CheckContext ctx(GitHubOrg org, Thresholds t) {
        PalisadeConfig cfg = new PalisadeConfig(null, "Acme", null, null, null, null, null, t, null);
        return new CheckContext(new Inventory(List.of(), null, null, java.util.Collections.singletonList(org), null), cfg, NOW);
    }

    static GitHubOrg org(Fact<Boolean> tfa, Fact<List<GitHubMember>> members, Fact<List<GitHubRepo>> repos,
                         Fact<List<SecurityIssue>> issues, Fact<List<GitHubMember>> outside) {
        return new GitHubOrg("acme", tfa, members, repos, issues, outside);
    }

    static List<Finding> run(Check c, GitHubOrg org) {
        return c.evaluate(ctx(org));
    }

    static SecurityIssue issue(int n, String severity, int ageDays, String assignee) {
        return new SecurityIssue("https://github.com/acme/api/issues/" + n, "acme/api", n, "Issue " + n,
                List.of("security"), severity, NOW.minus(Duration.ofDays(ageDays)), assignee, "dev");
    }

    @Test
    void allChecksHaveUniqueCatalogueIdsAndRemediation() {
        Set<String> ids = new HashSet<>();
        for (Check c : GitHubChecks.all()) {
            assertThat(ids.add(c.metadata().id())).isTrue();
            assertThat(c.metadata().remediation()).isNotBlank();
            assertThat(c.metadata().rationale()).isNotBlank();
            assertThat(c.metadata().source()).isEqualTo("github");
        }
        assertThat(ids).containsExactlyInAnyOrder("github.org.2fa_required", "github.member.2fa", "github.dependabot.alerts",
                "github.secret_scanning.alerts", "issue.security.open", "issue.security.overdue");
    }

    @Test
    void reportNothingWhenGitHubWasNotScanned() {
        for (Check c : GitHubChecks.all()) {
            assertThat(c.evaluate(new CheckContext(Inventory.empty(),
                    new PalisadeConfig(null, "Acme", null, null, null, null, null, null, null), NOW))).isEmpty();
        }
    }

    @Test
    void everyFindingNamesItsResourceAndEndsWithAPeriod() {
        GitHubOrg org = org(Fact.known(false),
                Fact.known(List.of(new GitHubMember("alice", null, "member", Fact.known(false), List.of()))),
                Fact.known(List.of(new GitHubRepo("acme/api", true, false, Fact.known(new AlertCounts(1, 0, 1, 0, 0)),
                        Fact.known(null)))),
                Fact.known(List.of(issue(1, "high", 40, null))), Fact.unknown("denied."));
        for (Check c : GitHubChecks.all()) {
            for (Finding f : run(c, org)) {
                assertThat(f.message()).endsWith(".");
                String name = f.resource().type().equals("github.issue") ? "acme/api#1" : f.resource().name();
                assertThat(f.message()).as(f.check()).contains(name);
                assertThat(f.remediation()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"true, PASS", "false, FAIL"})
    void orgTwoFactorRequirement(boolean required, Status expected) {
        List<Finding> f = run(new GitHubChecks.OrgTwoFactorRequired(), org(Fact.known(required), NO_MEMBERS, NO_REPOS, NO_ISSUES, null));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(expected);
            assertThat(x.resource().id()).isEqualTo("github-org:acme");
        });
    }

    @Test
    void orgTwoFactorRequirementUnreadableIsAnErrorNeverAPass() {
        List<Finding> f = run(new GitHubChecks.OrgTwoFactorRequired(),
                org(Fact.unknown("use an org owner's token with read:org."), NO_MEMBERS, NO_REPOS, NO_ISSUES, null));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.ERROR);
            assertThat(x.message()).contains("read:org");
        });
    }

    @Test
    void memberTwoFactorPassFailErrorAndOwnersAreCritical() {
        GitHubOrg org = org(Fact.known(true), Fact.known(List.of(
                        new GitHubMember("alice", null, "member", Fact.known(true), List.of()),
                        new GitHubMember("bob", null, "member", Fact.known(false), List.of()),
                        new GitHubMember("root", null, "admin", Fact.known(false), List.of()),
                        new GitHubMember("carol", null, "member", Fact.unknown("Only owners can use this filter."), List.of()),
                        new GitHubMember("contractor", null, "outside_collaborator", Fact.known(false), List.of()))),
                NO_REPOS, NO_ISSUES, Fact.known(List.of(
                        new GitHubMember("contractor", null, "outside_collaborator", Fact.known(false), List.of()),
                        new GitHubMember("temp", null, "outside_collaborator", Fact.known(true), List.of()))));
        List<Finding> f = run(new GitHubChecks.MemberTwoFactor(), org);
        assertThat(f).extracting(x -> x.resource().id() + ":" + x.status() + ":" + x.severity()).containsExactly(
                "alice:PASS:HIGH", "bob:FAIL:HIGH", "root:FAIL:CRITICAL", "carol:ERROR:HIGH", "contractor:FAIL:HIGH",
                "temp:PASS:HIGH");
        assertThat(f.get(2).message()).isEqualTo("GitHub org owner root has two-factor authentication disabled.");
        assertThat(f.get(3).message()).contains("Only owners");
        assertThat(f.get(4).message()).contains("outside collaborator contractor");
        // an inventory whose members list could not be read still evaluates the outside collaborators it has
        GitHubOrg onlyCollaborators = org(Fact.known(true), Fact.unknown("needs read:org."), NO_REPOS, NO_ISSUES,
                Fact.known(List.of(new GitHubMember("contractor", null, "outside_collaborator", Fact.known(false), List.of()))));
        assertThat(run(new GitHubChecks.MemberTwoFactor(), onlyCollaborators))
                .extracting(x -> x.resource().id() + ":" + x.status()).containsExactly("github-org:acme:ERROR", "contractor:FAIL");
    }

    @Test
    void unlistableMembersOrOutsideCollaboratorsAreErrorsOnTheOrg() {
        GitHubOrg org = org(Fact.known(true), Fact.unknown("needs read:org."), NO_REPOS, NO_ISSUES,
                Fact.unknown("Outside collaborators: needs read:org."));
        assertThat(run(new GitHubChecks.MemberTwoFactor(), org)).hasSize(2).allSatisfy(x -> {
            assertThat(x.status()).isEqualTo(Status.ERROR);
            assertThat(x.resource().id()).isEqualTo("github-org:acme");
        }).extracting(Finding::message).anyMatch(m -> m.startsWith("Members of GitHub organization acme could not be listed"))
                .anyMatch(m -> m.startsWith("Outside collaborators of GitHub organization acme could not be listed"));
        GitHubOrg onlyOutside = org(Fact.known(true), Fact.known(List.of(
                        new GitHubMember("alice", null, "member", Fact.known(true), List.of()))), NO_REPOS, NO_ISSUES,
                Fact.unknown("needs read:org."));
        assertThat(run(new GitHubChecks.MemberTwoFactor(), onlyOutside))
                .extracting(x -> x.resource().id() + ":" + x.status())
                .containsExactly("alice:PASS", "github-org:acme:ERROR");
        assertThat(run(new GitHubChecks.MemberTwoFactor(), new GitHubOrg("acme", Fact.known(true), Fact.known(List.of(
                new GitHubMember("alice", null, "member", Fact.known(true), List.of()))), NO_REPOS, NO_ISSUES)))
                .singleElement().extracting(Finding::status).isEqualTo(Status.PASS);
    }

    @Test
    void accountsListsEachLoginOnceMembersFirst() {
        GitHubMember c = new GitHubMember("Contractor", null, "outside_collaborator", Fact.known(false), List.of());
        GitHubOrg org = org(Fact.known(true), Fact.known(List.of(
                        new GitHubMember("alice", null, "member", Fact.known(true), List.of()), c)), NO_REPOS, NO_ISSUES,
                Fact.known(List.of(new GitHubMember("contractor", null, "outside_collaborator", Fact.known(false), List.of()))));
        assertThat(org.accounts()).extracting(GitHubMember::login).containsExactly("alice", "Contractor");
        assertThat(org(Fact.known(true), Fact.unknown("x."), NO_REPOS, NO_ISSUES, Fact.known(List.of(c))).accounts())
                .containsExactly(c);
    }

    @Test
    void dependabotCountsSeverityAndDisabledAndUnreadable() {
        GitHubOrg org = org(Fact.known(true), NO_MEMBERS, Fact.known(List.of(
                        new GitHubRepo("acme/clean", false, false, Fact.known(AlertCounts.none()), Fact.known(AlertCounts.none())),
                        new GitHubRepo("acme/api", true, false, Fact.known(new AlertCounts(5, 1, 2, 1, 1)), Fact.known(AlertCounts.none())),
                        new GitHubRepo("acme/lib", true, false, Fact.known(new AlertCounts(2, 0, 0, 0, 2)), Fact.known(AlertCounts.none())),
                        new GitHubRepo("acme/old", true, true, Fact.known(null), Fact.known(null)),
                        new GitHubRepo("acme/secret", true, false, Fact.unknown("needs security_events."), Fact.unknown("x.")))),
                NO_ISSUES, null);
        List<Finding> f = run(new GitHubChecks.DependabotAlerts(), org);
        assertThat(f).extracting(x -> x.resource().id() + ":" + x.status() + ":" + x.severity()).containsExactly(
                "acme/clean:PASS:HIGH", "acme/api:FAIL:CRITICAL", "acme/lib:FAIL:LOW", "acme/old:FAIL:LOW", "acme/secret:ERROR:HIGH");
        assertThat(f.get(1).message()).isEqualTo("acme/api has 5 open Dependabot alerts (1 critical, 2 high, 1 medium, 1 low).");
        assertThat(f.get(3).message()).contains("disabled");
        assertThat(f.get(4).message()).contains("security_events");
    }

    @Test
    void secretScanningCountsDisabledAndUnreadable() {
        GitHubOrg org = org(Fact.known(true), NO_MEMBERS, Fact.known(List.of(
                        new GitHubRepo("acme/clean", false, false, Fact.known(AlertCounts.none()), Fact.known(AlertCounts.none())),
                        new GitHubRepo("acme/api", true, false, Fact.known(AlertCounts.none()), Fact.known(new AlertCounts(2, 0, 0, 0, 0))),
                        new GitHubRepo("acme/old", true, true, Fact.known(null), Fact.known(null)),
                        new GitHubRepo("acme/x", true, false, Fact.known(AlertCounts.none()), Fact.unknown("needs security_events.")))),
                NO_ISSUES, null);
        List<Finding> f = run(new GitHubChecks.SecretScanningAlerts(), org);
        assertThat(f).extracting(x -> x.resource().id() + ":" + x.status() + ":" + x.severity()).containsExactly(
                "acme/clean:PASS:HIGH", "acme/api:FAIL:HIGH", "acme/old:FAIL:LOW", "acme/x:ERROR:HIGH");
        assertThat(f.get(1).message()).contains("2 open secret-scanning alerts");
    }

    @Test
    void unlistableRepositoriesMakeAlertChecksErrorOnTheOrg() {
        GitHubOrg org = org(Fact.known(true), NO_MEMBERS, Fact.unknown("needs repo."), NO_ISSUES, null);
        for (Check c : List.of(new GitHubChecks.DependabotAlerts(), new GitHubChecks.SecretScanningAlerts())) {
            assertThat(run(c, org)).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(Status.ERROR);
                assertThat(x.resource().id()).isEqualTo("github-org:acme");
            });
        }
    }

    @Test
    void openSecurityIssueFailsWithLabelSeverityAgeAndAssignee() {
        GitHubOrg org = org(Fact.known(true), NO_MEMBERS, NO_REPOS,
                Fact.known(List.of(issue(1, "critical", 10, "founder"), issue(2, null, 3, null))), null);
        List<Finding> f = run(new GitHubChecks.SecurityIssueOpen(), org);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(f.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.get(0).resource().id()).isEqualTo("https://github.com/acme/api/issues/1");
        assertThat(f.get(0).message()).isEqualTo(
                "Security issue acme/api#1 (critical) has been open for 10 days, assigned to founder.");
        assertThat(f.get(1).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.get(1).message()).contains("unassigned").contains("no severity label");
    }

    @Test
    void everyActiveRepositoryWithoutAnOpenSecurityIssuePasses() {
        Fact<List<GitHubRepo>> repos = Fact.known(List.of(
                new GitHubRepo("acme/api", true, false, Fact.known(null), Fact.known(null)),
                new GitHubRepo("acme/web", true, false, Fact.known(null), Fact.known(null)),
                new GitHubRepo("acme/old", true, true, Fact.known(null), Fact.known(null))));
        GitHubOrg org = org(Fact.known(true), NO_MEMBERS, repos, Fact.known(List.of(issue(1, "high", 2, null))), null);
        List<Finding> f = run(new GitHubChecks.SecurityIssueOpen(), org);
        assertThat(f).extracting(Finding::status).containsExactly(Status.FAIL, Status.PASS);
        assertThat(f.get(1).resource().id()).isEqualTo("acme/web");
        assertThat(f.get(1).message()).isEqualTo("Repository acme/web has no open issues with a security label.");
        // unreadable repositories: only the issues themselves are judged
        GitHubOrg unknownRepos = org(Fact.known(true), NO_MEMBERS, Fact.unknown("403"), Fact.known(List.of(issue(1, "high", 2, null))), null);
        assertThat(run(new GitHubChecks.SecurityIssueOpen(), unknownRepos)).extracting(Finding::status).containsExactly(Status.FAIL);
    }

    @Test
    void noOpenSecurityIssuesPassesOnTheOrgAndUnlistableIsAnError() {
        assertThat(run(new GitHubChecks.SecurityIssueOpen(), org(Fact.known(true), NO_MEMBERS, NO_REPOS, NO_ISSUES, null)))
                .singleElement().extracting(Finding::status).isEqualTo(Status.PASS);
        assertThat(run(new GitHubChecks.SecurityIssueOverdue(), org(Fact.known(true), NO_MEMBERS, NO_REPOS, NO_ISSUES, null)))
                .singleElement().extracting(Finding::status).isEqualTo(Status.PASS);
        for (Check c : List.of(new GitHubChecks.SecurityIssueOpen(), new GitHubChecks.SecurityIssueOverdue())) {
            assertThat(run(c, org(Fact.known(true), NO_MEMBERS, NO_REPOS, Fact.unknown("needs the repo scope."), null)))
                    .singleElement().satisfies(x -> {
                        assertThat(x.status()).isEqualTo(Status.ERROR);
                        assertThat(x.message()).contains("repo scope");
                    });
        }
    }

    @ParameterizedTest(name = "{0} issue open {1} days -> {2}")
    @CsvSource({
            "critical, 7, PASS", "critical, 8, FAIL", "high, 30, PASS", "high, 31, FAIL",
            "medium, 90, PASS", "medium, 91, FAIL", "low, 180, PASS", "low, 181, FAIL",
            ", 90, PASS", ", 91, FAIL"})
    void overdueAgainstTheSlaOfItsSeverity(String severity, int ageDays, Status expected) {
        SecurityIssue i = issue(1, severity, ageDays, null);
        i = new SecurityIssue(i.url(), i.repository(), i.number(), i.title(), i.labels(), i.severity(),
                i.createdAt().minusSeconds(expected == Status.FAIL ? 0 : -60), i.assignee(), i.author());
        List<Finding> f = run(new GitHubChecks.SecurityIssueOverdue(),
                org(Fact.known(true), NO_MEMBERS, NO_REPOS, Fact.known(List.of(i)), null));
        assertThat(f).singleElement().extracting(Finding::status).isEqualTo(expected);
    }

    @Test
    void overdueSlaComesFromConfiguration() {
        Thresholds strict = new Thresholds(90, 45, 3, new Thresholds.IssueSla(1, 2, 3, 4), 90);
        GitHubOrg org = org(Fact.known(true), NO_MEMBERS, NO_REPOS, Fact.known(List.of(issue(1, "high", 5, null))), null);
        List<Finding> f = new GitHubChecks.SecurityIssueOverdue().evaluate(ctx(org, strict));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.FAIL);
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.message()).isEqualTo(
                    "Security issue acme/api#1 (high) has been open for 5 days, past its 2-day SLA by 3 days.");
        });
        assertThat(new GitHubChecks.SecurityIssueOverdue().evaluate(ctx(org))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("within its 30-day SLA"));
    }

    @Test
    void overdueWithoutCreationTimeIsAnError() {
        SecurityIssue i = new SecurityIssue("https://github.com/acme/api/issues/9", "acme/api", 9, "t", List.of("security"),
                "high", null, null, null);
        assertThat(run(new GitHubChecks.SecurityIssueOverdue(), org(Fact.known(true), NO_MEMBERS, NO_REPOS,
                Fact.known(List.of(i)), null))).singleElement().extracting(Finding::status).isEqualTo(Status.ERROR);
    }
}
