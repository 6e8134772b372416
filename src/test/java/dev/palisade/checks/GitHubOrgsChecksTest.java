package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.directory;
import static dev.palisade.checks.InventoryFixtures.only;
import static dev.palisade.checks.InventoryFixtures.workspaceUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.SecurityIssue;
import dev.palisade.core.inventory.WorkspaceDirectory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GitHub and people checks over several organizations: each org evaluated, each account once. */
class GitHubOrgsChecksTest {
    static final String UNREAD = "Members of acme-labs could not be listed: GitHub answered 403 Resource not accessible;"
            + " the token needs the read:org scope.";

    static GitHubMember m(String login, String role, boolean twoFa, String... emails) {
        return new GitHubMember(login, null, role, Fact.known(twoFa), List.of(emails));
    }

    static GitHubOrg org(String name, boolean requires2fa, List<GitHubMember> members, List<GitHubRepo> repos,
                         List<SecurityIssue> issues) {
        return new GitHubOrg(name, Fact.known(requires2fa), Fact.known(members), Fact.known(repos), Fact.known(issues),
                Fact.known(members.stream().filter(GitHubMember::outsideCollaborator).toList()));
    }

    static GitHubOrg unreadable(String name, String why) {
        return new GitHubOrg(name, Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why));
    }

    static GitHubRepo repo(String fullName, int dependabot) {
        return new GitHubRepo(fullName, false, false, Fact.known(new AlertCounts(dependabot, 0, dependabot, 0, 0)),
                Fact.known(AlertCounts.none()));
    }

    static SecurityIssue issue(String repo, int n) {
        return new SecurityIssue("https://github.com/" + repo + "/issues/" + n, repo, n, "Issue " + n, List.of("security"),
                "high", InventoryFixtures.NOW.minus(Duration.ofDays(2)), null, "dev");
    }

    /** acme (no 2FA requirement, owner maya, dev without 2FA), acme-oss (requires 2FA, maya and dev members, a maintainer). */
    static final GitHubOrg ACME = org("acme", false,
            List.of(m("maya", "admin", true), m("dev", "member", false, "dev@acme.example")),
            List.of(repo("acme/api", 2)), List.of(issue("acme/api", 1)));
    static final GitHubOrg OSS = org("acme-oss", true,
            List.of(m("maya", "member", true), m("dev", "member", false), m("jo-ext", "outside_collaborator", true)),
            List.of(repo("acme-oss/sdk-js", 0)), List.of());

    static CheckContext ctx(WorkspaceDirectory dir, GitHubOrg... orgs) {
        return context(new Inventory(List.of(), null, dir, List.of(orgs), null));
    }

    static List<String> summary(Check c, CheckContext ctx) {
        return c.evaluate(ctx).stream().map(f -> f.resource().id() + " " + f.status() + " " + f.severity()).toList();
    }

    @Test
    void twoFactorRequirementIsCheckedPerOrgAndAnUnreadOrgIsAnError() {
        var c = ctx(null, ACME, OSS, unreadable("acme-labs", UNREAD));
        assertThat(summary(new GitHubChecks.OrgTwoFactorRequired(), c)).containsExactly(
                "github-org:acme FAIL HIGH", "github-org:acme-oss PASS HIGH", "github-org:acme-labs ERROR HIGH");
        assertThat(only(new GitHubChecks.OrgTwoFactorRequired(), c, "github-org:acme-labs").message()).isEqualTo(UNREAD);
        assertThat(only(new GitHubChecks.OrgTwoFactorRequired(), c, "github-org:acme-oss").message())
                .isEqualTo("GitHub organization acme-oss requires two-factor authentication.");
    }

    @Test
    void aLoginInTwoOrgsIsOneAccountWithOneFindingNamingItsOrgs() {
        var c = ctx(null, ACME, OSS);
        List<Finding> fs = new GitHubChecks.MemberTwoFactor().evaluate(c);
        assertThat(fs).extracting(f -> f.resource().id() + " " + f.status() + " " + f.severity())
                .containsExactly("maya PASS HIGH", "dev FAIL HIGH", "jo-ext PASS HIGH");
        assertThat(only(new GitHubChecks.MemberTwoFactor(), c, "dev").message())
                .isEqualTo("GitHub member dev (acme, acme-oss) has two-factor authentication disabled.");
        assertThat(only(new GitHubChecks.MemberTwoFactor(), c, "maya").message())
                .isEqualTo("GitHub org owner maya (acme owner, acme-oss) has two-factor authentication enabled.");
        assertThat(only(new GitHubChecks.MemberTwoFactor(), c, "jo-ext").message())
                .isEqualTo("GitHub outside collaborator jo-ext (acme-oss outside collaborator) has two-factor authentication enabled.");
    }

    @Test
    void anOwnerInAnyOrgWithout2faIsCritical() {
        var a = org("acme", true, List.of(m("ops", "member", false)), List.of(), List.of());
        var b = org("acme-oss", true, List.of(m("ops", "admin", false)), List.of(), List.of());
        Finding f = only(new GitHubChecks.MemberTwoFactor(), ctx(null, a, b), "ops");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void anUnreadOrgIsAnErrorWhileTheReadOrgsAreStillEvaluated() {
        var c = ctx(null, ACME, unreadable("acme-labs", UNREAD));
        assertThat(summary(new GitHubChecks.MemberTwoFactor(), c))
                .containsExactly("maya PASS HIGH", "dev FAIL HIGH", "github-org:acme-labs ERROR HIGH");
        assertThat(summary(new GitHubChecks.DependabotAlerts(), c))
                .containsExactly("acme/api FAIL HIGH", "github-org:acme-labs ERROR HIGH");
        assertThat(summary(new GitHubChecks.SecurityIssueOpen(), c))
                .containsExactly("https://github.com/acme/api/issues/1 FAIL HIGH", "github-org:acme-labs ERROR MEDIUM");
        assertThat(new GitHubChecks.MemberTwoFactor().evaluate(c)).noneMatch(f -> f.status() == Status.PASS
                && f.resource().id().contains("acme-labs"));
    }

    @Test
    void repositoriesAndIssuesOfEveryOrgAreChecked() {
        var c = ctx(null, ACME, OSS);
        assertThat(summary(new GitHubChecks.DependabotAlerts(), c)).containsExactly("acme/api FAIL HIGH", "acme-oss/sdk-js PASS HIGH");
        assertThat(summary(new GitHubChecks.SecurityIssueOpen(), c)).containsExactly(
                "https://github.com/acme/api/issues/1 FAIL HIGH", "github-org:acme-oss PASS MEDIUM");
    }

    @Test
    void unownedAndDepartedSeeEachLoginOnceAcrossOrgs() {
        var dir = directory(workspaceUser("dev@acme.example", true, false), workspaceUser("maya@acme.example", false, true));
        CheckContext c = ctx(dir, ACME, OSS);
        assertThat(new UnownedAccountCheck().evaluate(c)).extracting(f -> f.resource().id() + " " + f.status())
                .containsExactly("maya FAIL", "dev PASS", "jo-ext FAIL");
        Finding dev = only(new DepartedActiveCheck(), c, "dev@acme.example");
        assertThat(dev.status()).isEqualTo(Status.FAIL);
        assertThat(dev.message()).isEqualTo("Departed person dev@acme.example (suspended in Workspace) still holds "
                + "GitHub member dev in acme, acme-oss.");

        CheckContext unread = ctx(dir, ACME, unreadable("acme-labs", UNREAD));
        assertThat(only(new UnownedAccountCheck(), unread, "github-org:acme-labs").status()).isEqualTo(Status.ERROR);
        assertThat(only(new DepartedActiveCheck(), unread, "dev@acme.example").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void identitiesLinkAccountsOfEveryOrgOnceAndTakeVerifiedEmailsFromAnyOrg() {
        // dev's verified email is known only in acme-oss; acme lists dev first without one.
        var a = org("acme", true, List.of(m("dev", "member", true)), List.of(), List.of());
        var b = org("acme-oss", true, List.of(m("dev", "member", true, "dev@acme.example"), m("jo-ext", "member", true)),
                List.of(), List.of());
        var inv = new Inventory(List.of(), null, directory(workspaceUser("dev@acme.example", false, false)), List.of(a, b), null);
        var ids = IdentityLinker.link(InventoryFixtures.config(inv, dev.palisade.core.config.Thresholds.defaults()), inv);
        var dev = ids.people().stream().filter(p -> p.email().equals("dev@acme.example")).findFirst().orElseThrow();
        assertThat(dev.accounts()).filteredOn(r -> r.system().equals("github"))
                .extracting(AccountRef::id, AccountRef::linkedBy).containsExactly(org.assertj.core.groups.Tuple.tuple("dev", "email"));
        assertThat(ids.unowned()).extracting(AccountRef::id).containsExactly("jo-ext");
    }
}
