package dev.palisade.act;

import dev.palisade.core.Fact;
import dev.palisade.core.Snapshot;
import dev.palisade.core.config.AwsConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.OtherCredential;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * A departing person, Dana, who holds Workspace (super admin), IAM users in two AWS environments
 * (prod and staging, each its own fake IAM endpoint) and GitHub membership — seeded identically in
 * the fake servers and in the snapshot the plan is built from.
 */
public final class ActFixture implements AutoCloseable {
    static final String TOKEN = "test-action-token";
    static final String EMAIL = "dana@acme.example";
    final FakeIamServer prod;
    final FakeIamServer staging;
    final FakeWriteApis apis;
    final Path profileFile;

    ActFixture(Path dir) throws IOException {
        prod = new FakeIamServer("111111111111");
        staging = new FakeIamServer("222222222222");
        apis = new FakeWriteApis(TOKEN);
        profileFile = dir.resolve("credentials");
        Files.writeString(profileFile, """
                [acme-prod-admin]
                aws_access_key_id = AKIAADMINPROD0000001
                aws_secret_access_key = adminsecretprod
                [acme-staging-admin]
                aws_access_key_id = AKIAADMINSTAGING0001
                aws_secret_access_key = adminsecretstaging
                """);
        seed();
    }

    private void seed() {
        var dana = prod.user("dana");
        dana.loginProfile = true;
        dana.keys.put("AKIADANAPROD00000001", "Active");
        dana.keys.put("AKIADANAPROD00000002", "Inactive");
        dana.mfa.add("arn:aws:iam::111111111111:mfa/dana");
        dana.attached.put("arn:aws:iam::aws:policy/AdministratorAccess", "AdministratorAccess");
        dana.inline.put("dana-extra", "{}");
        dana.groups.add("developers");
        dana.sshKeys.put("APKADANA0001", "Active");
        var danaOps = staging.user("dana.ops");
        danaOps.keys.put("AKIADANASTAGING00001", "Active");
        danaOps.groups.add("ops");
        prod.user("ci-bot").keys.put("AKIACIBOT00000000001", "Active");

        var u = apis.user(EMAIL);
        u.admin = true;
        u.asps.add("101");
        u.tokens.add("client-a.apps.googleusercontent.com");
        u.groups.add("eng@acme.example");
        u.groups.add("all@acme.example");
        apis.members.add("dana-gh");
        apis.members.add("someone-else");
    }

    public Path profileFile() {
        return profileFile;
    }

    public FakeWriteApis apis() {
        return apis;
    }

    public java.util.List<String> prodMutations() {
        return java.util.List.copyOf(prod.mutations);
    }

    public FakeIamServer.User prodUser(String name) {
        return prod.users.get(name);
    }

    Map<String, EnvironmentConfig> environments() {
        return Map.of(
                "prod", new EnvironmentConfig("prod", true,
                        new AwsConfig("acme-prod", List.of("us-east-1"), prod.endpoint(), null, "acme-prod-admin")),
                "staging", new EnvironmentConfig("staging", false,
                        new AwsConfig("acme-staging", List.of("us-east-1"), staging.endpoint(), null, "acme-staging-admin")));
    }

    AwsActionClients clients() {
        ProfileFile file = ProfileFile.builder().content(profileFile).type(ProfileFile.Type.CREDENTIALS).build();
        return new AwsActionClients(() -> file);
    }

    Map<String, StepExecutor> executors() throws ActionException {
        var envs = environments();
        return Map.of(
                "aws:prod", new AwsIamExecutor(clients().iam(envs.get("prod")), "prod", "acme-prod-admin"),
                "aws:staging", new AwsIamExecutor(clients().iam(envs.get("staging")), "staging", "acme-staging-admin"),
                "google", new DirectoryExecutor(apis.directoryUrl(), TOKEN::toCharArray),
                "github", new GitHubOrgExecutor(apis.githubUrl(), TOKEN::toCharArray));
    }

    /** The snapshot the plan is built from: what a scan saw before the offboarding. */
    static Snapshot snapshot(Instant now) {
        IamUser dana = new IamUser("dana", "arn:aws:iam::111111111111:user/dana", "AIDADANA", now.minusSeconds(86400 * 400),
                Fact.known(Map.of("email", EMAIL)),
                Fact.known(new ConsoleAccess(true, now.minusSeconds(86400 * 300), now.minusSeconds(86400))),
                Fact.known(true), Fact.known(List.of("arn:aws:iam::111111111111:mfa/dana")),
                Fact.known(List.of(new AccessKey("AKIADANAPROD00000001", "Active", now.minusSeconds(86400 * 200), now, "s3", "us-east-1"),
                        new AccessKey("AKIADANAPROD00000002", "Inactive", now.minusSeconds(86400 * 500), null, null, null))),
                Fact.known(List.of(new PolicyRef("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", null))),
                Fact.known(List.of(new InlinePolicy("dana-extra", "{}"))),
                Fact.known(List.of("developers")),
                Fact.known(List.of(new OtherCredential("ssh-public-key", "APKADANA0001", "Active", null))));
        IamUser danaOps = new IamUser("dana.ops", "arn:aws:iam::222222222222:user/dana.ops", "AIDADANAOPS", now.minusSeconds(86400 * 100),
                Fact.known(Map.of()), Fact.known(ConsoleAccess.none()), Fact.known(false), Fact.known(List.of()),
                Fact.known(List.of(new AccessKey("AKIADANASTAGING00001", "Active", now.minusSeconds(86400 * 50), null, null, null))),
                Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of("ops")), Fact.known(List.of()));
        AwsEnvironment prodEnv = env("prod", true, "111111111111", List.of(dana));
        AwsEnvironment stagingEnv = env("staging", false, "222222222222", List.of(danaOps));
        WorkspaceDirectory dir = new WorkspaceDirectory("acme.example", Fact.known(List.of(
                new WorkspaceUser(EMAIL, "Dana Doe", false, false, true, false, true, true, now, now.minusSeconds(86400 * 900), List.of()))));
        GitHubOrg org = new GitHubOrg("acme", Fact.known(true), Fact.known(List.of(
                new GitHubMember("dana-gh", "Dana", "member", Fact.known(true), List.of(EMAIL)))), Fact.known(List.of()), Fact.known(List.of()));
        Person person = new Person(EMAIL, "Dana Doe", Person.PersonState.ACTIVE, true, List.of(
                new AccountRef("google", null, EMAIL, EMAIL, "directory"),
                new AccountRef("aws", "prod", dana.arn(), "dana", "tag"),
                new AccountRef("github", null, "dana-gh", "dana-gh", "email")));
        Identities ids = new Identities(List.of(person), List.of(
                new AccountRef("aws", "staging", danaOps.arn(), "dana.ops", null)));
        Inventory inv = new Inventory(List.of(prodEnv, stagingEnv), null, dir, List.of(org), ids);
        return new Snapshot("2026-12-01T10-00-00Z", "Acme", now, now, List.of(), List.of(), inv);
    }

    private static AwsEnvironment env(String name, boolean production, String account, List<IamUser> users) {
        return new AwsEnvironment(name, production, "acme-" + name, List.of("us-east-1"), null, Fact.known(account),
                Fact.known(null), Fact.known(List.of()), Fact.unknown("not read in this test"), Fact.known(null),
                Fact.known(users), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()));
    }

    @Override
    public void close() {
        prod.close();
        staging.close();
        apis.close();
    }
}
