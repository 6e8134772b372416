package dev.palisade.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubClientTest {
    GitHubApiServer server;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = GitHubApiServer.start();
        server.maxPerPage = 3;
        for (int i = 1; i <= 10; i++) {
            server.addMember("m" + i, false, true);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    GitHubClient client(URI base, int attempts, Duration maxWait, Clock clock) {
        return new GitHubClient(base, GitHubToken.of(server.validToken),
                new GitHubClient.Options(Duration.ofSeconds(2), Duration.ofSeconds(2), attempts, maxWait), waits::add, clock);
    }

    GitHubClient client() {
        return client(server.apiUrl(), 4, Duration.ofMinutes(2), Clock.systemUTC());
    }

    @Test
    void followsLinkHeadersToTheLastPageAndNoFurther() throws Exception {
        List<JsonNode> all = client().getAll("/orgs/acme/members?per_page=100");
        assertThat(all).extracting(n -> n.get("login").asText()).containsExactly(
                "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");
        assertThat(server.requests()).extracting(GitHubApiServer.Request::query)
                .containsExactly("per_page=100", "per_page=100&page=2", "per_page=100&page=3", "per_page=100&page=4");
    }

    @Test
    void aFullLastPageWithoutNextLinkEndsPagination() throws Exception {
        server.members.remove("m10");
        server.members.remove("m9");
        server.members.remove("m8");
        server.members.remove("m7"); // 6 members, two full pages: page size must not be used to guess more
        assertThat(client().getAll("/orgs/acme/members")).hasSize(6);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void refusesToFollowALinkToAnotherHost() {
        server.fault(new GitHubApiServer.Fault(p -> p.startsWith("/orgs/acme/members"), 200,
                Map.of("Link", "<https://evil.example/orgs/acme/members?page=2>; rel=\"next\""), "[{\"login\":\"a\"}]"));
        assertThatThrownBy(() -> client().getAll("/orgs/acme/members"))
                .isInstanceOf(GitHubApiException.class)
                .hasMessageContaining("another host").hasMessageContaining("evil.example")
                .hasMessageNotContaining(server.validToken);
    }

    @Test
    void secondaryLimitWithoutRetryAfterWaitsAMinute() throws Exception {
        server.fault(new GitHubApiServer.Fault(p -> p.startsWith("/orgs/acme"), 403, Map.of("X-RateLimit-Remaining", "100"),
                GitHubApiServer.error("You have exceeded a secondary rate limit and have been temporarily blocked from"
                        + " content creation. Please retry your request again later.", GitHubApiServer.DOCS)));
        server.fault(new GitHubApiServer.Fault(p -> p.startsWith("/orgs/acme"), 429, Map.of(), GitHubApiServer.error(
                "Too many requests", null)));
        assertThat(client().get("/orgs/acme").get("login").asText()).isEqualTo("acme");
        assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void primaryLimitWaitsUntilResetByTheClientsClock() throws Exception {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        server.primaryRateLimitOnce("/orgs/acme", now.plusSeconds(42));
        GitHubClient c = client(server.apiUrl(), 4, Duration.ofMinutes(2), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(c.get("/orgs/acme").get("login").asText()).isEqualTo("acme");
        assertThat(waits).containsExactly(Duration.ofSeconds(43));
        assertThat(c.apiCalls()).isEqualTo(2);
    }

    @Test
    void givesUpAfterMaxAttemptsOfRateLimits() {
        for (int i = 0; i < 5; i++) {
            server.secondaryRateLimitOnce("/orgs/acme", 2);
        }
        assertThatThrownBy(() -> client(server.apiUrl(), 3, Duration.ofMinutes(2), Clock.systemUTC()).get("/orgs/acme"))
                .isInstanceOfSatisfying(GitHubApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GitHubApiException.Kind.RATE_LIMITED))
                .hasMessageContaining("rate limit");
        assertThat(waits).hasSize(2);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        server.fault(new GitHubApiServer.Fault(p -> p.startsWith("/orgs/acme"), 502, Map.of(), "{\"message\":\"Server Error\"}"));
        assertThat(client().get("/orgs/acme").get("login").asText()).isEqualTo("acme");
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void scopeErrorsCarryAcceptedAndTokenScopes() {
        server.tokenScopes.clear();
        server.tokenScopes.add("repo");
        assertThatThrownBy(() -> client().getAll("/orgs/acme/outside_collaborators"))
                .isInstanceOfSatisfying(GitHubApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GitHubApiException.Kind.FORBIDDEN);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.acceptedScopes()).contains("read:org");
                    assertThat(e.tokenScopes()).containsExactly("repo");
                    assertThat(e.githubMessage()).isEqualTo("Resource not accessible by personal access token");
                    assertThat(e.featureDisabled()).isFalse();
                });
    }

    @Test
    void tellsADisabledFeatureFromAMissingRight() throws Exception {
        server.addRepo(new GitHubApiServer.Repo("acme/off", true, false, false, false, List.of(), List.of()));
        for (String path : List.of("/repos/acme/off/dependabot/alerts", "/repos/acme/off/secret-scanning/alerts")) {
            assertThatThrownBy(() -> client().getAll(path)).isInstanceOfSatisfying(GitHubApiException.class,
                    e -> assertThat(e.featureDisabled()).as(e.getMessage()).isTrue());
        }
        server.fault(new GitHubApiServer.Fault(p -> p.contains("dependabot"), 403, Map.of(), GitHubApiServer.error(
                "Dependabot alerts are not available for archived repositories.", GitHubApiServer.DOCS)));
        assertThatThrownBy(() -> client().getAll("/repos/acme/off/dependabot/alerts"))
                .isInstanceOfSatisfying(GitHubApiException.class, e -> assertThat(e.featureDisabled()).isTrue());
        server.tokenScopes.clear();
        assertThatThrownBy(() -> client().getAll("/repos/acme/off/dependabot/alerts"))
                .isInstanceOfSatisfying(GitHubApiException.class, e -> assertThat(e.featureDisabled()).isFalse());
        server.tokenScopes.add("repo");
        assertThatThrownBy(() -> client().getAll("/repos/acme/nope/secret-scanning/alerts"))
                .isInstanceOfSatisfying(GitHubApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GitHubApiException.Kind.NOT_FOUND);
                    assertThat(e.featureDisabled()).isFalse();
                });
    }

    @Test
    void badCredentialsIs401AndNeverEchoesTheToken() {
        GitHubClient c = new GitHubClient(server.apiUrl(), GitHubToken.of("ghp_notTheRightOne"),
                GitHubClient.Options.defaults(), waits::add, Clock.systemUTC());
        assertThatThrownBy(() -> c.get("/orgs/acme"))
                .isInstanceOfSatisfying(GitHubApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(GitHubApiException.Kind.BAD_CREDENTIALS))
                .hasMessageContaining("Bad credentials").hasMessageNotContaining("ghp_notTheRightOne");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        slow.createContext("/", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
                ex.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
            }
        });
        slow.start();
        try {
            GitHubClient c = new GitHubClient(URI.create("http://127.0.0.1:" + slow.getAddress().getPort()),
                    GitHubToken.of("t"), new GitHubClient.Options(Duration.ofSeconds(1), Duration.ofMillis(300), 2,
                    Duration.ofSeconds(1)), waits::add, Clock.systemUTC());
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> c.get("/orgs/acme"))
                    .isInstanceOfSatisfying(GitHubApiException.class,
                            e -> assertThat(e.kind()).isEqualTo(GitHubApiException.Kind.NETWORK))
                    .hasMessageContaining("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void rejectsAnApiUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new GitHubClient(URI.create("file:///etc/passwd"), GitHubToken.of("t")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenToStringIsRedacted() {
        assertThat(GitHubToken.of("ghp_secret").toString()).doesNotContain("ghp_secret");
    }
}
