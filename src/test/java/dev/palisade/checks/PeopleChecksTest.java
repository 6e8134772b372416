package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.activeKey;
import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.daysAgo;
import static dev.palisade.checks.InventoryFixtures.directory;
import static dev.palisade.checks.InventoryFixtures.env;
import static dev.palisade.checks.InventoryFixtures.github;
import static dev.palisade.checks.InventoryFixtures.inactiveKey;
import static dev.palisade.checks.InventoryFixtures.inventory;
import static dev.palisade.checks.InventoryFixtures.member;
import static dev.palisade.checks.InventoryFixtures.only;
import static dev.palisade.checks.InventoryFixtures.user;
import static dev.palisade.checks.InventoryFixtures.workspaceUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.config.PersonLink;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.WorkspaceDirectory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeopleChecksTest {
    private static final String USER_ARN = "arn:aws:iam::" + PROD_ACCOUNT + ":user/";

    private static CheckContext ctx(InventoryFixtures.EnvBuilder env, WorkspaceDirectory dir, GitHubOrg gh, PersonLink... links) {
        Inventory base = env == null ? Inventory.empty() : inventory(env);
        return context(new Inventory(base.aws(), null, dir, java.util.Collections.singletonList(gh), null), links);
    }

    // access.account.unowned

    @Test
    void unownedFailsForUnlinkedIamUsersAndGitHubMembersAndPassesLinkedOnes() {
        var prod = env("prod", PROD_ACCOUNT).users(user("dana"), user("svc-ci"));
        var c = ctx(prod, directory(workspaceUser("dana@acme.example", false, false)), github(member("dana-gh", "dana@acme.example"),
                member("ghost")));
        Finding dana = only(new UnownedAccountCheck(), c, USER_ARN + "dana");
        assertThat(dana.status()).isEqualTo(Status.PASS);
        assertThat(dana.message()).isEqualTo("IAM user dana belongs to dana@acme.example (linked by name).");
        Finding svc = only(new UnownedAccountCheck(), c, USER_ARN + "svc-ci");
        assertThat(svc.status()).isEqualTo(Status.FAIL);
        assertThat(svc.env()).isEqualTo("prod");
        assertThat(svc.message()).contains("svc-ci").contains("linked to no person");
        assertThat(only(new UnownedAccountCheck(), c, "dana-gh").status()).isEqualTo(Status.PASS);
        Finding ghost = only(new UnownedAccountCheck(), c, "ghost");
        assertThat(ghost.status()).isEqualTo(Status.FAIL);
        assertThat(ghost.resource().type()).isEqualTo("github.member");
        assertThat(ghost.env()).isNull();
    }

    @Test
    void unownedUsesStoredIdentitiesWhenPresent() {
        var prod = env("prod", PROD_ACCOUNT).users(user("svc-ci"));
        Inventory inv = inventory(prod);
        var cfg = InventoryFixtures.config(inv, dev.palisade.core.config.Thresholds.defaults(),
                new PersonLink("ops@acme.example", List.of("svc-ci"), List.of()));
        Inventory linked = inv.withIdentities(IdentityLinker.link(cfg, inv));
        // the stored identities say svc-ci belongs to ops@, even though this context's config has no link
        assertThat(only(new UnownedAccountCheck(), context(linked), USER_ARN + "svc-ci").status()).isEqualTo(Status.PASS);
        assertThat(only(new UnownedAccountCheck(), context(inv), USER_ARN + "svc-ci").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void unownedErrorsWhenAccountsCannotBeListedAndIsSilentWithoutSources() {
        var c = ctx(env("prod", PROD_ACCOUNT).usersFact(Fact.unknown("iam:ListUsers denied")), null,
                new GitHubOrg("acme", Fact.unknown("401"), Fact.unknown("GET /orgs/acme/members returned 401"), Fact.known(List.of()),
                        Fact.known(List.of())));
        List<Finding> fs = new UnownedAccountCheck().evaluate(c);
        assertThat(fs).hasSize(2).allMatch(f -> f.status() == Status.ERROR);
        assertThat(fs).anySatisfy(f -> assertThat(f.message()).contains("iam:ListUsers denied"));
        assertThat(fs).anySatisfy(f -> {
            assertThat(f.resource().id()).isEqualTo("github-org:acme");
            assertThat(f.message()).contains("returned 401");
        });
        assertThat(new UnownedAccountCheck().evaluate(context(Inventory.empty()))).isEmpty();
    }

    @Test
    void unownedCoversOutsideCollaboratorsListedApart() {
        var gh = new GitHubOrg("acme", Fact.known(true), Fact.known(List.of(member("dana-gh", "dana@acme.example"))),
                Fact.known(List.of()), Fact.known(List.of()),
                Fact.known(List.of(new dev.palisade.core.inventory.GitHubMember("contractor", null, "outside_collaborator",
                        Fact.known(true), List.of()))));
        var c = ctx(null, directory(workspaceUser("dana@acme.example", false, false)), gh);
        Finding f = only(new UnownedAccountCheck(), c, "contractor");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).isEqualTo("GitHub outside collaborator contractor is linked to no person.");
        var unread = new GitHubOrg("acme", Fact.known(true), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()),
                Fact.unknown("GET /orgs/acme/outside_collaborators returned 403"));
        assertThat(only(new UnownedAccountCheck(), ctx(null, null, unread), "github-org:acme").message())
                .contains("outside collaborators").contains("returned 403");
    }

    // access.departed.active

    @Test
    void departedFailsWhenSuspendedPersonStillHoldsKeysOrGitHub() {
        var prod = env("prod", PROD_ACCOUNT).users(user("sue").keys(activeKey("AKIASUE", daysAgo(10), daysAgo(1))));
        var c = ctx(prod, directory(workspaceUser("sue@acme.example", true, false)), github(member("sue-gh", "sue@acme.example")));
        Finding f = only(new DepartedActiveCheck(), c, "sue@acme.example");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.resource().type()).isEqualTo("person");
        assertThat(f.message()).isEqualTo("Departed person sue@acme.example (suspended in Workspace) still holds "
                + "IAM user sue in prod (1 active access key); GitHub member sue-gh.");
    }

    @Test
    void departedFailsForDeletedPersonWithConsolePassword() {
        var prod = env("prod", PROD_ACCOUNT).users(user("old").tags(Map.of("email", "old@acme.example")).console(daysAgo(300), null));
        Finding f = only(new DepartedActiveCheck(), ctx(prod, directory(workspaceUser("dana@acme.example", false, false)), null),
                "old@acme.example");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("deleted in Workspace").contains("console password");
    }

    @Test
    void departedPassesWhenEverythingIsRevokedAndIgnoresActivePeople() {
        var prod = env("prod", PROD_ACCOUNT).users(user("sue").keys(inactiveKey("AKIASUE", daysAgo(10))), user("dana")
                .keys(activeKey("AKIADANA", daysAgo(1), null)));
        var c = ctx(prod, directory(workspaceUser("sue@acme.example", true, false), workspaceUser("dana@acme.example", false, false)),
                github());
        List<Finding> fs = new DepartedActiveCheck().evaluate(c);
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.message()).contains("sue@acme.example").contains("holds no active");
        });
    }

    @Test
    void departedErrorsWhenDirectoryOrCredentialsUnreadableAndIsSilentWithoutDirectory() {
        var prod = env("prod", PROD_ACCOUNT).users(user("sue").keys(Fact.unknown("iam:ListAccessKeys denied")));
        Finding f = only(new DepartedActiveCheck(), ctx(prod, directory(workspaceUser("sue@acme.example", true, false)), null),
                "sue@acme.example");
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.message()).contains("IAM user sue");

        Finding dir = only(new DepartedActiveCheck(), ctx(prod, new WorkspaceDirectory("acme.example",
                Fact.unknown("403 from admin.googleapis.com")), null), "acme.example");
        assertThat(dir.status()).isEqualTo(Status.ERROR);
        assertThat(dir.message()).contains("403 from admin.googleapis.com");

        Finding otherEnv = only(new DepartedActiveCheck(), ctx(env("prod", PROD_ACCOUNT).usersFact(Fact.unknown("iam:ListUsers denied")),
                directory(workspaceUser("sue@acme.example", true, false)), null), "sue@acme.example");
        assertThat(otherEnv.status()).isEqualTo(Status.ERROR);
        assertThat(otherEnv.message()).contains("IAM users of environment prod");

        assertThat(new DepartedActiveCheck().evaluate(ctx(prod, null, null))).isEmpty();
    }
}
