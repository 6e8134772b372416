package dev.palisade.core.identity;

import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.STAGING_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.config;
import static dev.palisade.checks.InventoryFixtures.directory;
import static dev.palisade.checks.InventoryFixtures.env;
import static dev.palisade.checks.InventoryFixtures.github;
import static dev.palisade.checks.InventoryFixtures.inventory;
import static dev.palisade.checks.InventoryFixtures.member;
import static dev.palisade.checks.InventoryFixtures.user;
import static dev.palisade.checks.InventoryFixtures.workspaceUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.palisade.core.Fact;
import dev.palisade.core.config.PersonLink;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.Person.PersonState;
import dev.palisade.core.inventory.WorkspaceDirectory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityLinkerTest {

    private static Identities link(Inventory inv, PersonLink... people) {
        return IdentityLinker.link(config(inv, Thresholds.defaults(), people), inv);
    }

    private static Person person(Identities ids, String email) {
        return ids.people().stream().filter(p -> p.email().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + email + " in " + ids.people()));
    }

    private static Inventory with(Inventory inv, WorkspaceDirectory dir, GitHubOrg gh) {
        return new Inventory(inv.aws(), null, dir, java.util.Collections.singletonList(gh), null);
    }

    @Test
    void linksIamUsersInSpecOrderConfigThenTagThenName() {
        var prod = env("prod", PROD_ACCOUNT).users(
                user("dana.ops").tags(Map.of("email", "someone-else@acme.example")), // config wins over tag
                user("deploy-bot").tags(Map.of("Email", "Eli@Acme.example")),        // tag, capitalised key, case folded
                user("fay"),                                                        // local part of a directory email
                user("gus@acme.example"),                                           // name equal to an email
                user("svc-ci"));                                                    // nobody
        var inv = with(inventory(prod), directory(workspaceUser("dana@acme.example", false, true),
                workspaceUser("eli@acme.example", false, false), workspaceUser("fay@acme.example", false, false),
                workspaceUser("gus@acme.example", false, false)), null);
        Identities ids = link(inv, new PersonLink("dana@acme.example", List.of("dana.ops"), List.of()));

        assertThat(person(ids, "dana@acme.example").accounts()).extracting(AccountRef::system, AccountRef::name, AccountRef::linkedBy)
                .containsExactly(tuple("google", "dana@acme.example", "directory"), tuple("aws", "dana.ops", "config"));
        assertThat(person(ids, "eli@acme.example").accounts()).extracting(AccountRef::name, AccountRef::linkedBy)
                .contains(tuple("deploy-bot", "tag"));
        assertThat(person(ids, "fay@acme.example").accounts()).extracting(AccountRef::name, AccountRef::linkedBy)
                .contains(tuple("fay", "name"));
        assertThat(person(ids, "gus@acme.example").accounts()).extracting(AccountRef::name, AccountRef::linkedBy)
                .contains(tuple("gus@acme.example", "name"));
        assertThat(ids.people()).noneMatch(p -> p.email().equals("someone-else@acme.example"));
        assertThat(ids.unowned()).extracting(AccountRef::system, AccountRef::env, AccountRef::id, AccountRef::linkedBy)
                .containsExactly(tuple("aws", "prod", "arn:aws:iam::" + PROD_ACCOUNT + ":user/svc-ci", null));
        assertThat(person(ids, "dana@acme.example").workspaceAdmin()).isTrue();
        assertThat(person(ids, "dana@acme.example").state()).isEqualTo(PersonState.ACTIVE);
    }

    @Test
    void configLinksMatchUserNamesInAnyAccountCaseInsensitively() {
        var inv = inventory(env("prod", PROD_ACCOUNT).users(user("Dana")), env("staging", STAGING_ACCOUNT).users(user("dana")));
        Identities ids = link(inv, new PersonLink("dana@acme.example", List.of("dana"), List.of()));
        assertThat(person(ids, "dana@acme.example").accounts()).extracting(AccountRef::env, AccountRef::id).containsExactly(
                tuple("prod", "arn:aws:iam::" + PROD_ACCOUNT + ":user/Dana"),
                tuple("staging", "arn:aws:iam::" + STAGING_ACCOUNT + ":user/dana"));
        assertThat(ids.unowned()).isEmpty();
    }

    @Test
    void ambiguousLocalPartLinksNobody() {
        var inv = inventory(env("prod", PROD_ACCOUNT).users(user("sam")));
        Identities ids = link(inv, new PersonLink("sam@acme.example", List.of(), List.of()),
                new PersonLink("sam@partner.example", List.of(), List.of()));
        assertThat(ids.unowned()).extracting(AccountRef::name).containsExactly("sam");
    }

    @Test
    void aliasesFoldOntoThePrimaryEmail() {
        var inv = with(inventory(env("prod", PROD_ACCOUNT).users(user("x").tags(Map.of("email", "d@acme.example")))),
                directory(workspaceUser("dana@acme.example", false, false, "d@acme.example")), null);
        Identities ids = link(inv);
        assertThat(person(ids, "dana@acme.example").accounts()).extracting(AccountRef::name).contains("x");
        assertThat(ids.people()).extracting(Person::email).containsExactly("dana@acme.example");
    }

    @Test
    void githubMembersLinkByConfigThenVerifiedEmail() {
        var inv = with(inventory(), directory(workspaceUser("dana@acme.example", false, false)),
                github(member("dana-gh"), member("eli-gh", "eli@gmail.example", "eli@acme.example"), member("mystery")));
        Identities ids = link(inv, new PersonLink("dana@acme.example", List.of(), List.of("DANA-GH")));
        assertThat(person(ids, "dana@acme.example").accounts()).extracting(AccountRef::system, AccountRef::id, AccountRef::linkedBy)
                .contains(tuple("github", "dana-gh", "config"));
        assertThat(person(ids, "eli@gmail.example").accounts()).extracting(AccountRef::id, AccountRef::linkedBy)
                .containsExactly(tuple("eli-gh", "email"));
        assertThat(ids.unowned()).extracting(AccountRef::system, AccountRef::id).containsExactly(tuple("github", "mystery"));
    }

    @Test
    void personStatesComeFromTheDirectory() {
        var prod = env("prod", PROD_ACCOUNT).users(user("sue"), user("old").tags(Map.of("email", "old@acme.example")),
                user("ext").tags(Map.of("email", "ext@partner.example")));
        var inv = with(inventory(prod), directory(workspaceUser("sue@acme.example", true, false)), null);
        Identities ids = link(inv);
        assertThat(person(ids, "sue@acme.example").state()).isEqualTo(PersonState.SUSPENDED);
        assertThat(person(ids, "old@acme.example").state()).isEqualTo(PersonState.DELETED);
        assertThat(person(ids, "ext@partner.example").state()).isEqualTo(PersonState.UNKNOWN);

        var unread = new Inventory(inventory(prod).aws(), null,
                new WorkspaceDirectory("acme.example", Fact.unknown("401 from directory")), null, null);
        assertThat(person(link(unread), "old@acme.example").state()).isEqualTo(PersonState.UNKNOWN);
    }

    @Test
    void iamUserSeenThroughTwoEnvironmentsOfOneAccountIsOneAccount() {
        var inv = inventory(env("prod", PROD_ACCOUNT).tag("env", "prod").users(user("svc")),
                env("staging", PROD_ACCOUNT).tag("env", "staging").users(user("svc")));
        assertThat(link(inv).unowned()).extracting(AccountRef::env).containsExactly("prod");
    }

    @Test
    void unreadableSourcesLinkNothingAndDoNotCrash() {
        var inv = new Inventory(inventory(env("prod", PROD_ACCOUNT).failedEntirely("expired")).aws(), null, null,
                List.of(new GitHubOrg("acme", Fact.unknown("401"), Fact.unknown("401"), Fact.unknown("401"), Fact.unknown("401"))), null);
        Identities ids = link(inv, new PersonLink("dana@acme.example", List.of("dana"), List.of()));
        assertThat(ids.unowned()).isEmpty();
        assertThat(ids.people()).extracting(Person::email, Person::state)
                .containsExactly(tuple("dana@acme.example", PersonState.UNKNOWN));
    }
}
