package dev.palisade.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Fact;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.SecurityIssue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class GitHubCollectorTest {
    static final String LEAKED = "ghp_LEAKEDsecretVALUEnobodyMayStore9876543210";
    static final Instant NOW = Instant.now();

    GitHubApiServer server;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = GitHubApiServer.start();
        populate(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** An org of dozens of members over several pages, three repositories, labelled issues and a PR. */
    static void populate(GitHubApiServer s) {
        s.maxPerPage = 10;
        s.addMember("founder", true, true);
        s.addMember("ops-admin", true, false);
        for (int i = 1; i <= 30; i++) {
            s.addMember(String.format("dev%02d", i), false, i % 7 != 0);
        }
        s.verifiedEmails.put("founder", List.of("Founder@acme.example"));
        s.verifiedEmails.put("dev01", List.of("dev01@acme.example", "d1@acme.example"));
        s.names.put("founder", "Fran Founder");
        s.addOutsideCollaborator("contractor1", false);
        s.addOutsideCollaborator("contractor2", true);
        List<String> sev = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            sev.add(i < 2 ? "critical" : i < 7 ? "high" : i < 15 ? "medium" : "low");
        }
        s.addRepo(new GitHubApiServer.Repo("acme/api", true, false, true, true, sev, List.of(LEAKED, LEAKED + "2")));
        s.addRepo(new GitHubApiServer.Repo("acme/web", false, false, true, true, List.of(), List.of()));
        s.addRepo(new GitHubApiServer.Repo("acme/legacy", true, true, false, false, List.of(), List.of()));
        s.addIssue(new GitHubApiServer.Issue("acme/api", 1, "SQL injection in search", List.of("security", "severity:critical"),
                NOW.minus(Duration.ofDays(10)), "founder", "dev01", false));
        s.addIssue(new GitHubApiServer.Issue("acme/web", 2, "Missing CSP", List.of("security", "high"),
                NOW.minus(Duration.ofDays(5)), null, "dev02", false));
        s.addIssue(new GitHubApiServer.Issue("acme/api", 3, "Fix XSS", List.of("security"),
                NOW.minus(Duration.ofDays(1)), null, "dev03", true));
        s.addIssue(new GitHubApiServer.Issue("acme/web", 4, "Button colour", List.of("bug"),
                NOW.minus(Duration.ofDays(1)), null, "dev03", false));
        s.addIssue(new GitHubApiServer.Issue("acme/api", 5, "Outdated TLS config", List.of("vulnerability", "low"),
                NOW.minus(Duration.ofDays(200)), "dev04", "dev04", false));
        s.addIssue(new GitHubApiServer.Issue("acme/api", 6, "Session fixation", List.of("security", "vulnerability"),
                NOW.minus(Duration.ofDays(40)), null, "dev05", false));
    }

    GitHubCollector collector(GitHubApiServer s, String token) {
        return new GitHubCollector(new GitHubConfig("acme", s.apiUrl().toString(), "PALISADE_GITHUB_TOKEN",
                List.of("security", "vulnerability")), token == null ? null : GitHubToken.of(token),
                "the environment variable PALISADE_GITHUB_TOKEN",
                new GitHubClient.Options(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, Duration.ofSeconds(90)),
                waits::add, Clock.systemUTC());
    }

    CollectorResult collect() throws InterruptedException {
        return collector(server, server.validToken).collect(ScanProgress.NONE);
    }

    static <T> T known(Fact<T> f) {
        assertThat(f.isKnown()).as("fact known: %s", f.error()).isTrue();
        return f.value();
    }

    @Test
    void collectsMembersReposAlertsAndIssuesAcrossPages() throws Exception {
        CollectorResult r = collect();
        SourceStatus st = r.sources().get(0);
        assertThat(st.name()).isEqualTo("github");
        assertThat(st.status()).as(st.error()).isEqualTo(SourceState.OK);
        assertThat(st.error()).isNull();
        assertThat(st.apiCalls()).isEqualTo(server.requests().size());

        GitHubOrg org = r.inventory().github().get(0);
        assertThat(known(org.twoFactorRequired())).isTrue();
        List<GitHubMember> members = known(org.members());
        assertThat(members).hasSize(34);
        Map<String, GitHubMember> byLogin = members.stream().collect(Collectors.toMap(GitHubMember::login, m -> m));
        assertThat(byLogin.get("founder").role()).isEqualTo("admin");
        assertThat(byLogin.get("ops-admin").role()).isEqualTo("admin");
        assertThat(byLogin.get("dev01").role()).isEqualTo("member");
        assertThat(known(byLogin.get("founder").twoFactorEnabled())).isTrue();
        assertThat(known(byLogin.get("ops-admin").twoFactorEnabled())).isFalse();
        assertThat(known(byLogin.get("dev07").twoFactorEnabled())).isFalse();
        assertThat(known(byLogin.get("dev28").twoFactorEnabled())).isFalse();
        assertThat(known(byLogin.get("dev29").twoFactorEnabled())).isTrue();
        assertThat(members.stream().filter(m -> !m.twoFactorEnabled().value()).count()).isEqualTo(6);
        assertThat(byLogin.get("founder").verifiedEmails()).containsExactly("founder@acme.example");
        assertThat(byLogin.get("founder").name()).isEqualTo("Fran Founder");
        assertThat(byLogin.get("dev01").verifiedEmails()).containsExactly("dev01@acme.example", "d1@acme.example");
        assertThat(byLogin.get("dev30").verifiedEmails()).isEmpty();

        assertThat(known(org.outsideCollaborators())).extracting(GitHubMember::login).containsExactly("contractor1", "contractor2");
        assertThat(org.accounts()).hasSize(34);
        assertThat(members.subList(32, 34)).extracting(GitHubMember::login).containsExactly("contractor1", "contractor2");
        assertThat(members.subList(32, 34)).allMatch(GitHubMember::outsideCollaborator);
        assertThat(known(byLogin.get("contractor1").twoFactorEnabled())).isFalse();
        assertThat(known(byLogin.get("contractor2").twoFactorEnabled())).isTrue();

        Map<String, GitHubRepo> repos = known(org.repositories()).stream()
                .collect(Collectors.toMap(GitHubRepo::fullName, x -> x));
        assertThat(repos).containsOnlyKeys("acme/api", "acme/web", "acme/legacy");
        assertThat(known(repos.get("acme/api").dependabot())).isEqualTo(new AlertCounts(23, 2, 5, 8, 8));
        assertThat(known(repos.get("acme/api").secretScanning())).isEqualTo(new AlertCounts(2, 0, 0, 0, 0));
        assertThat(repos.get("acme/api").privateRepo()).isTrue();
        assertThat(known(repos.get("acme/web").dependabot())).isEqualTo(AlertCounts.none());
        assertThat(repos.get("acme/legacy").archived()).isTrue();
        assertThat(repos.get("acme/legacy").dependabot()).isEqualTo(Fact.known(null));
        assertThat(repos.get("acme/legacy").secretScanning()).isEqualTo(Fact.known(null));

        List<SecurityIssue> issues = known(org.issues());
        assertThat(issues).extracting(SecurityIssue::number).containsExactlyInAnyOrder(1, 2, 5, 6);
        SecurityIssue sqli = issues.stream().filter(i -> i.number() == 1).findFirst().orElseThrow();
        assertThat(sqli.url()).isEqualTo("https://github.com/acme/api/issues/1");
        assertThat(sqli.repository()).isEqualTo("acme/api");
        assertThat(sqli.severity()).isEqualTo("critical");
        assertThat(sqli.assignee()).isEqualTo("founder");
        assertThat(sqli.author()).isEqualTo("dev01");
        assertThat(sqli.createdAt()).isEqualTo(NOW.minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.NANOS));
        assertThat(issues.stream().filter(i -> i.number() == 2).findFirst().orElseThrow().severity()).isEqualTo("high");
        assertThat(issues.stream().filter(i -> i.number() == 6).findFirst().orElseThrow().severity()).isNull();

        List<GitHubApiServer.Request> reqs = server.requests();
        // GraphQL for verified emails, paged by cursor too (32 members at 10 a page)
        assertThat(reqs).filteredOn(q -> q.path().equals("/graphql")).hasSize(4).allMatch(q -> q.method().equals("POST"));
        assertThat(reqs).allSatisfy(q -> {
            assertThat(q.header("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(q.header("X-GitHub-Api-Version")).isEqualTo(GitHubClient.API_VERSION);
            assertThat(q.header("Authorization")).isEqualTo("Bearer " + server.validToken);
        });
        // members over 4 pages (32 at 10 a page), followed only through Link
        assertThat(reqs).filteredOn(q -> q.path().equals("/orgs/acme/members") && q.query().contains("role=all")
                && !q.query().contains("filter")).hasSize(4);
        assertThat(reqs).anyMatch(q -> q.path().endsWith("/dependabot/alerts") && q.query().contains("after="));
        assertThat(reqs).filteredOn(q -> q.path().equals("/repos/acme/api/dependabot/alerts")).hasSize(3);
        assertThat(reqs).filteredOn(q -> q.path().equals("/orgs/acme/issues"))
                .allMatch(q -> q.query().contains("filter=all") && q.query().contains("state=open"));
        assertThat(reqs).filteredOn(q -> q.path().endsWith("/secret-scanning/alerts"))
                .allMatch(q -> q.query().contains("hide_secret=true"));
        assertThat(waits).isEmpty();
    }

    @Test
    void worksUnderTheEnterpriseApiPrefix() throws Exception {
        try (GitHubApiServer ghes = GitHubApiServer.start("/api/v3")) {
            populate(ghes);
            CollectorResult r = collector(ghes, ghes.validToken).collect(ScanProgress.NONE);
            assertThat(r.sources().get(0).status()).isEqualTo(SourceState.OK);
            assertThat(known(r.inventory().github().get(0).members())).hasSize(34);
            assertThat(ghes.requests()).isNotEmpty().allMatch(q -> q.path().startsWith("/api/v3/") || q.path().equals("/api/graphql"));
            assertThat(ghes.requests()).anyMatch(q -> q.path().equals("/api/graphql"));
            assertThat(known(r.inventory().github().get(0).members()).stream().filter(m -> m.login().equals("founder")).findFirst()
                    .orElseThrow().verifiedEmails()).containsExactly("founder@acme.example");
        }
    }

    @Test
    void badTokenMakesTheSourceErrorWithEveryFactUnknown() throws Exception {
        CollectorResult r = collector(server, "ghp_wrongtoken").collect(ScanProgress.NONE);
        SourceStatus st = r.sources().get(0);
        assertThat(st.status()).isEqualTo(SourceState.ERROR);
        assertThat(st.error()).contains("401").contains("Bad credentials").contains("PALISADE_GITHUB_TOKEN")
                .doesNotContain("ghp_wrongtoken");
        GitHubOrg org = r.inventory().github().get(0);
        assertThat(org.twoFactorRequired().isKnown()).isFalse();
        assertThat(org.members().isKnown()).isFalse();
        assertThat(org.outsideCollaborators().isKnown()).isFalse();
        assertThat(org.repositories().isKnown()).isFalse();
        assertThat(org.issues().isKnown()).isFalse();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void missingTokenSaysWhereToPutOne() throws Exception {
        CollectorResult r = collector(server, null).collect(ScanProgress.NONE);
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(r.sources().get(0).error()).contains("No GitHub token").contains("PALISADE_GITHUB_TOKEN");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void unknownOrganizationIsAnErrorNamingIt() throws Exception {
        server.primary.login = "other";
        CollectorResult r = collect();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(r.sources().get(0).error()).contains("acme").contains("not found").contains("read:org");
    }

    @Test
    void missingScopesMakeOnlyTheAffectedPartsUnknownAndNameTheScope() throws Exception {
        server.tokenScopes.clear();
        server.tokenScopes.add("read:org");
        CollectorResult r = collect();
        assertThat(r.inventory().github().get(0).members().value().get(0).verifiedEmails()).containsExactly("founder@acme.example");
        SourceStatus st = r.sources().get(0);
        assertThat(st.status()).isEqualTo(SourceState.PARTIAL);
        assertThat(st.error()).contains("security_events").contains("Dependabot alerts unreadable for 3 of 3 repositories")
                .contains("Secret-scanning alerts unreadable for 3 of 3");
        GitHubOrg org = r.inventory().github().get(0);
        assertThat(known(org.members())).hasSize(34);
        assertThat(org.issues().isKnown()).isFalse();
        assertThat(org.issues().error()).contains("403").contains("repo");
        for (GitHubRepo repo : known(org.repositories())) {
            assertThat(repo.dependabot().isKnown()).isFalse();
            assertThat(repo.dependabot().error()).contains(repo.fullName()).contains("security_events")
                    .contains("the token has scopes [read:org]");
            assertThat(repo.secretScanning().isKnown()).isFalse();
        }
    }

    @Test
    void withoutReadOrgVerifiedEmailsAreMissingAndTheSourceSaysSo() throws Exception {
        server.tokenScopes.remove("read:org");
        CollectorResult r = collect();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.PARTIAL);
        assertThat(r.sources().get(0).error()).contains("Verified emails of members of acme could not be read")
                .contains("read:org").contains("people:");
        // members still listed; outside collaborators are not, and that gap is recorded rather than silent
        assertThat(known(r.inventory().github().get(0).members())).hasSize(32)
                .allSatisfy(m -> assertThat(m.verifiedEmails()).isEmpty());
        assertThat(r.inventory().github().get(0).outsideCollaborators().error()).contains("read:org");
    }

    @Test
    void inventoryRoundTripsThroughSnapshotJson() throws Exception {
        CollectorResult r = collect();
        server.owner = false;
        CollectorResult partial = collect();
        for (CollectorResult x : List.of(r, partial)) {
            var snap = new dev.palisade.core.Snapshot("s", "Acme", NOW, NOW, x.sources(), List.of(), x.inventory());
            assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(snap, false))).isEqualTo(snap);
        }
    }

    @Test
    void fineGrainedTokenWithoutPermissionNamesThePermission() throws Exception {
        server.fineGrained = true;
        server.tokenScopes.remove("security_events");
        server.tokenScopes.remove("repo");
        CollectorResult r = collect();
        GitHubRepo api = known(r.inventory().github().get(0).repositories()).get(0);
        assertThat(api.dependabot().error()).contains("Resource not accessible by personal access token")
                .contains("'Dependabot alerts' repository permission (read)").contains("security_events");
        assertThat(api.secretScanning().error()).contains("'Secret scanning alerts' repository permission (read)");
    }

    @Test
    void nonOwnerTokenLeavesTwoFactorFactsUnknown() throws Exception {
        server.owner = false;
        CollectorResult r = collect();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.PARTIAL);
        GitHubOrg org = r.inventory().github().get(0);
        assertThat(org.twoFactorRequired().isKnown()).isFalse();
        assertThat(org.twoFactorRequired().error()).contains("owner").contains("read:org");
        List<GitHubMember> members = known(org.members());
        assertThat(members).hasSize(34).allSatisfy(m -> {
            assertThat(m.twoFactorEnabled().isKnown()).isFalse();
            assertThat(m.twoFactorEnabled().error()).contains("Only owners can use this filter").contains("owner");
        });
        assertThat(r.sources().get(0).error()).contains("2FA status of members of acme could not be read");
    }

    @Test
    void waitsOutASecondaryRateLimitForRetryAfter() throws Exception {
        server.secondaryRateLimitOnce("/orgs/acme/members", 7);
        server.secondaryRateLimitOnce("/dependabot/alerts", 3);
        CollectorResult r = collect();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.OK);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
        assertThat(known(r.inventory().github().get(0).members())).hasSize(34);
    }

    @Test
    void waitsForThePrimaryRateLimitReset() throws Exception {
        server.primaryRateLimitOnce("/orgs/acme/repos", Instant.now().plusSeconds(30));
        CollectorResult r = collect();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.OK);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(32));
    }

    @Test
    void aRateLimitLongerThanTheBoundFailsThatPartInsteadOfWaiting() throws Exception {
        server.primaryRateLimitOnce("/orgs/acme/repos", Instant.now().plusSeconds(3000));
        CollectorResult r = collect();
        assertThat(waits).isEmpty();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.PARTIAL);
        assertThat(r.inventory().github().get(0).repositories().isKnown()).isFalse();
        assertThat(r.inventory().github().get(0).repositories().error()).contains("rate limit");
    }

    @Test
    void fromConfigReadsTheTokenFromTheNamedEnvironmentVariableThenTheKeychain() throws Exception {
        PalisadeConfig cfg = new PalisadeConfig(null, "Acme", null, null, null, null,
                new GitHubConfig("acme", server.apiUrl().toString(), "MY_GH_TOKEN", null), null, null);
        GitHubCollector fromEnv = GitHubCollector.fromConfig(cfg, Map.of("MY_GH_TOKEN", server.validToken)::get,
                Optional::empty);
        assertThat(fromEnv.kind()).isEqualTo("github");
        assertThat(fromEnv.collect(ScanProgress.NONE).sources().get(0).status()).isEqualTo(SourceState.OK);
        GitHubCollector fromKeychain = GitHubCollector.fromConfig(cfg, k -> null, () -> Optional.of(server.validToken));
        assertThat(fromKeychain.collect(ScanProgress.NONE).sources().get(0).status()).isEqualTo(SourceState.OK);
        CollectorResult none = GitHubCollector.fromConfig(cfg, k -> null, Optional::empty).collect(ScanProgress.NONE);
        assertThat(none.sources().get(0).error()).contains("MY_GH_TOKEN");
    }

    @Test
    void aMalformedTokenOrApiUrlIsASourceErrorThatQuotesNeither() throws Exception {
        PalisadeConfig cfg = new PalisadeConfig(null, "Acme", null, null, null, null,
                new GitHubConfig("acme", server.apiUrl().toString(), "MY_GH_TOKEN", null), null, null);
        CollectorResult r = GitHubCollector.fromConfig(cfg, Map.of("MY_GH_TOKEN", "ghp_abc\ndef")::get, Optional::empty)
                .collect(ScanProgress.NONE);
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(r.sources().get(0).error()).contains("MY_GH_TOKEN").contains("control characters")
                .doesNotContain("ghp_abc");
        assertThat(server.requests()).isEmpty();

        PalisadeConfig badUrl = new PalisadeConfig(null, "Acme", null, null, null, null,
                new GitHubConfig("acme", "ftp://github.example", "MY_GH_TOKEN", null), null, null);
        CollectorResult u = GitHubCollector.fromConfig(badUrl, Map.of("MY_GH_TOKEN", server.validToken)::get,
                Optional::empty).collect(ScanProgress.NONE);
        assertThat(u.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(u.sources().get(0).error()).contains("github.apiUrl").contains("ftp://github.example");
    }

    @Test
    void neitherTheTokenNorASecretValueReachesLogsOrTheStoredSnapshot(@TempDir Path home) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("dev.palisade");
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        CollectorResult ok;
        CollectorResult limited;
        try {
            ok = collect();
            server.tokenScopes.clear();
            limited = collect();
            collector(server, "ghp_wrongtoken").collect(ScanProgress.NONE);
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        assertThat(server.requests()).anyMatch(q -> q.path().endsWith("/secret-scanning/alerts")); // the secret was sent
        Files.write(home.resolve("snapshot.json"), SnapshotJson.toBytes(ok));
        Files.write(home.resolve("snapshot-limited.json"), SnapshotJson.toBytes(limited));
        Files.createDirectories(home.resolve("logs"));
        Files.writeString(home.resolve("logs/palisade.log"), logs.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .collect(Collectors.joining("\n")));
        assertThat(logs.list).isNotEmpty();
        assertThat(Files.readString(home.resolve("snapshot.json"))).contains("acme/api");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain(LEAKED).doesNotContain(server.validToken)
                        .doesNotContain("ghp_wrongtoken");
            }
        }
        assertThat(ok.toString()).doesNotContain(LEAKED).doesNotContain(server.validToken);
        assertThat(GitHubToken.of(server.validToken).toString()).doesNotContain(server.validToken);
    }
}
