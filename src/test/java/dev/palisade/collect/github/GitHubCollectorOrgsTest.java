package dev.palisade.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.checks.GitHubChecks;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several organizations read through the real client from one GitHub wire-format server, with one token. */
class GitHubCollectorOrgsTest {
    static final Instant NOW = Instant.now();

    GitHubApiServer server;
    GitHubApiServer.Org oss;
    final List<Double> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = GitHubApiServer.start();
        server.primary.twoFactorRequired = false;
        server.addMember("founder", true, true);
        server.addMember("dev1", false, false);
        server.verifiedEmails.put("founder", List.of("founder@acme.example"));
        server.addRepo(new GitHubApiServer.Repo("acme/api", true, false, true, true, List.of("high"), List.of()));
        server.addIssue(new GitHubApiServer.Issue("acme/api", 1, "XSS", List.of("security", "high"),
                NOW.minus(Duration.ofDays(3)), null, "dev1", false));

        oss = server.addOrg("acme-oss");
        oss.twoFactorRequired = true;
        oss.addMember("founder", false, true);
        oss.addMember("dev1", false, false);
        oss.addMember("maintainer", true, true);
        oss.addOutsideCollaborator("contrib", true);
        oss.verifiedEmails.put("dev1", List.of("dev1@acme.example"));
        oss.addRepo(new GitHubApiServer.Repo("acme-oss/sdk-js", false, false, true, true, List.of("medium"), List.of()));
        oss.addRepo(new GitHubApiServer.Repo("acme-oss/terraform-modules", false, false, true, true, List.of(), List.of()));
        oss.addIssue(new GitHubApiServer.Issue("acme-oss/sdk-js", 7, "Prototype pollution", List.of("security"),
                NOW.minus(Duration.ofDays(20)), "founder", "contrib", false));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    GitHubConfig config(String... orgs) {
        return new GitHubConfig(List.of(orgs), server.apiUrl().toString(), "PALISADE_GITHUB_TOKEN", List.of("security"));
    }

    CollectorResult collect(GitHubConfig cfg, String token) throws InterruptedException {
        ScanProgress p = new ScanProgress() {
            @Override
            public void update(String source, double fraction, String text) {
                progress.add(fraction);
            }

            @Override
            public void finished(SourceStatus status) {
            }
        };
        return new GitHubCollector(cfg, GitHubToken.of(token), "the environment variable PALISADE_GITHUB_TOKEN",
                new GitHubClient.Options(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ofSeconds(5)),
                d -> { }, Clock.systemUTC()).collect(p);
    }

    static <T> T known(dev.palisade.core.Fact<T> f) {
        assertThat(f.isKnown()).as("fact known: %s", f.error()).isTrue();
        return f.value();
    }

    @Test
    void readsEveryConfiguredOrgWithTheOneTokenAsOneSourceInConfigOrder() throws Exception {
        CollectorResult r = collect(config("acme-oss", "acme"), server.validToken);
        assertThat(r.sources()).hasSize(1);
        SourceStatus st = r.sources().get(0);
        assertThat(st.name()).isEqualTo("github");
        assertThat(st.status()).as(st.error()).isEqualTo(SourceState.OK);
        assertThat(st.apiCalls()).isEqualTo(server.requests().size());
        assertThat(server.requests()).extracting(GitHubApiServer.Request::path).contains("/orgs/acme", "/orgs/acme-oss");

        List<GitHubOrg> orgs = r.inventory().github();
        assertThat(orgs).extracting(GitHubOrg::organization).containsExactly("acme-oss", "acme");
        GitHubOrg o = orgs.get(0);
        GitHubOrg a = orgs.get(1);
        assertThat(known(o.twoFactorRequired())).isTrue();
        assertThat(known(a.twoFactorRequired())).isFalse();
        assertThat(known(o.members())).extracting(GitHubMember::login).containsExactly("founder", "dev1", "maintainer", "contrib");
        assertThat(known(o.members())).filteredOn(m -> m.login().equals("maintainer")).extracting(GitHubMember::role)
                .containsExactly("admin");
        assertThat(known(o.outsideCollaborators())).extracting(GitHubMember::login).containsExactly("contrib");
        assertThat(known(a.members())).extracting(GitHubMember::login).containsExactly("founder", "dev1");
        assertThat(known(o.repositories())).extracting(GitHubRepo::fullName)
                .containsExactly("acme-oss/sdk-js", "acme-oss/terraform-modules");
        assertThat(known(known(o.repositories()).get(0).dependabot()).medium()).isEqualTo(1);
        assertThat(known(a.repositories())).extracting(GitHubRepo::fullName).containsExactly("acme/api");
        assertThat(known(o.issues())).extracting(i -> i.url()).containsExactly("https://github.com/acme-oss/sdk-js/issues/7");
        assertThat(known(a.issues())).extracting(i -> i.url()).containsExactly("https://github.com/acme/api/issues/1");
        // A login in both orgs is one account, with the verified emails either org gave.
        assertThat(r.inventory().githubAccounts()).extracting(GitHubMember::login)
                .containsExactly("founder", "dev1", "maintainer", "contrib");
        assertThat(r.inventory().githubAccounts().get(1).verifiedEmails()).containsExactly("dev1@acme.example");
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void checksPassOneOrgAndFailTheOtherWithOneFindingPerAccount() throws Exception {
        GitHubConfig gh = config("acme", "acme-oss");
        PalisadeConfig cfg = new PalisadeConfig(null, "Acme", null, null, null, null, gh, null, null);
        CollectorResult r = collect(gh, server.validToken);
        List<Finding> fs = new CheckEngine(GitHubChecks.all()).evaluate(new CheckContext(r.inventory(), cfg, NOW));
        assertThat(GitHubScanEndToEndTest.summary(fs, "github.org.2fa_required"))
                .containsExactly("github-org:acme FAIL HIGH", "github-org:acme-oss PASS HIGH");
        // founder and dev1 are in both orgs: one finding each; maintainer owns acme-oss only.
        assertThat(GitHubScanEndToEndTest.summary(fs, "github.member.2fa"))
                .containsExactly("contrib PASS HIGH", "dev1 FAIL HIGH", "founder PASS HIGH", "maintainer PASS HIGH");
        assertThat(GitHubScanEndToEndTest.find(fs, "github.member.2fa", "founder").severity()).isNotNull();
        assertThat(GitHubScanEndToEndTest.find(fs, "github.member.2fa", "founder").message())
                .isEqualTo("GitHub org owner founder (acme owner, acme-oss) has two-factor authentication enabled.");
        assertThat(GitHubScanEndToEndTest.summary(fs, "github.dependabot.alerts"))
                .containsExactly("acme-oss/sdk-js FAIL MEDIUM", "acme-oss/terraform-modules PASS HIGH", "acme/api FAIL HIGH");
        assertThat(GitHubScanEndToEndTest.summary(fs, "issue.security.open")).containsExactly(
                "acme-oss/terraform-modules PASS MEDIUM", "https://github.com/acme-oss/sdk-js/issues/7 FAIL MEDIUM",
                "https://github.com/acme/api/issues/1 FAIL HIGH");
    }

    @Test
    void anOrgThatCannotBeReadMakesTheSourcePartialAndNamesIt() throws Exception {
        CollectorResult r = collect(config("acme", "acme-ghost", "acme-oss"), server.validToken);
        SourceStatus st = r.sources().get(0);
        assertThat(st.status()).isEqualTo(SourceState.PARTIAL);
        assertThat(st.error()).startsWith("2 of 3 GitHub organizations could be read (acme-ghost failed).")
                .contains("acme-ghost: GitHub organization acme-ghost was not found");
        List<GitHubOrg> orgs = r.inventory().github();
        assertThat(orgs).extracting(GitHubOrg::organization).containsExactly("acme", "acme-ghost", "acme-oss");
        GitHubOrg ghost = orgs.get(1);
        assertThat(List.of(ghost.twoFactorRequired(), ghost.members(), ghost.repositories(), ghost.issues(), ghost.outsideCollaborators()))
                .allSatisfy(f -> assertThat(f.error()).contains("acme-ghost"));
        assertThat(known(orgs.get(0).members())).hasSize(2);
        assertThat(known(orgs.get(2).members())).hasSize(4);

        PalisadeConfig cfg = new PalisadeConfig(null, "Acme", null, null, null, null, config("acme", "acme-ghost", "acme-oss"), null, null);
        List<Finding> fs = new CheckEngine(GitHubChecks.all()).evaluate(new CheckContext(r.inventory(), cfg, NOW));
        assertThat(GitHubScanEndToEndTest.summary(fs, "github.org.2fa_required")).containsExactly(
                "github-org:acme FAIL HIGH", "github-org:acme-ghost ERROR HIGH", "github-org:acme-oss PASS HIGH");
        assertThat(fs).filteredOn(f -> f.resource().id().equals("github-org:acme-ghost"))
                .extracting(Finding::check).contains("github.member.2fa", "github.dependabot.alerts", "issue.security.open");
    }

    @Test
    void aGapInOneOrgIsReportedUnderThatOrgsName() throws Exception {
        server.primaryRateLimitOnce("/repos/acme-oss/sdk-js/dependabot", Instant.now().plusSeconds(3600));
        CollectorResult r = collect(config("acme", "acme-oss"), server.validToken);
        SourceStatus st = r.sources().get(0);
        assertThat(st.status()).isEqualTo(SourceState.PARTIAL);
        assertThat(st.error()).startsWith("acme-oss: Dependabot alerts unreadable for 1 of 2 repositories")
                .doesNotContain("acme: ");
        GitHubRepo sdk = known(r.inventory().github().get(1).repositories()).get(0);
        assertThat(sdk.dependabot().isKnown()).isFalse();
        assertThat(known(known(r.inventory().github().get(0).repositories()).get(0).dependabot()).open()).isEqualTo(1);
    }

    @Test
    void everyOrgFailingMakesTheSourceErrorAndARejectedTokenIsTriedOnce() throws Exception {
        CollectorResult r = collect(config("acme", "acme-oss"), "ghp_notTheRightToken000000000000000000000");
        SourceStatus st = r.sources().get(0);
        assertThat(st.status()).isEqualTo(SourceState.ERROR);
        assertThat(st.error()).contains("No GitHub organizations could be read (acme, acme-oss failed).").contains("401");
        assertThat(server.requests()).hasSize(1);
        assertThat(r.inventory().github()).hasSize(2).allSatisfy(o -> {
            assertThat(o.members().isKnown()).isFalse();
            assertThat(o.members().error()).contains("401");
        });
    }

    @Test
    void organizationsFromPalisadeYamlAreAllScannedThroughFromConfig() throws Exception {
        String yaml = "organization: Acme\ngithub:\n  organizations: [acme, acme-oss]\n  apiUrl: " + server.apiUrl()
                + "\n  tokenEnv: MY_GH_TOKEN\n";
        PalisadeConfig cfg = dev.palisade.core.config.ConfigLoader.parse(yaml, java.nio.file.Path.of("palisade.yaml"),
                java.nio.file.Path.of("."), name -> null);
        CollectorResult r = GitHubCollector.fromConfig(cfg, Map.of("MY_GH_TOKEN", server.validToken)::get,
                java.util.Optional::empty).collect(ScanProgress.NONE);
        assertThat(r.sources().get(0).status()).as(r.sources().get(0).error()).isEqualTo(SourceState.OK);
        assertThat(r.inventory().github()).extracting(GitHubOrg::organization).containsExactly("acme", "acme-oss");
        assertThat(r.inventory().github()).allSatisfy(o -> assertThat(o.members().isKnown()).isTrue());
    }
}
