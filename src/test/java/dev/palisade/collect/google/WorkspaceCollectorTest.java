package dev.palisade.collect.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.inventory.WorkspaceUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collector through the real HTTP client against a server in the test that speaks the Directory
 * API's JSON, with access tokens refreshed at mock-oauth2-server (a real OAuth provider).
 */
class WorkspaceCollectorTest {
    MockOAuth2Server idp;
    HttpServer directory;
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> bearers = new CopyOnWriteArrayList<>();
    /** Responses served in order; the last one repeats. */
    final ConcurrentLinkedQueue<Function<HttpExchange, Reply>> script = new ConcurrentLinkedQueue<>();
    Function<HttpExchange, Reply> last;

    record Reply(int status, String body, Map<String, String> headers, long delayMs) {
        Reply(int status, String body) {
            this(status, body, Map.of(), 0);
        }
    }

    static final String PAGE1 = """
            {"kind":"admin#directory#users","users":[
              {"kind":"admin#directory#user","id":"1","primaryEmail":"ada@acme.example","name":{"fullName":"Ada Founder"},
               "isAdmin":true,"isDelegatedAdmin":false,"isEnrolledIn2Sv":true,"isEnforcedIn2Sv":true,"suspended":false,
               "archived":false,"lastLoginTime":"2026-11-30T08:00:00.000Z","creationTime":"2024-01-02T03:04:05.000Z",
               "aliases":["ceo@acme.example"],"orgUnitPath":"/"},
              {"primaryEmail":"bob@acme.example","name":{"fullName":"Bob Ops"},"isAdmin":false,"isDelegatedAdmin":true,
               "isEnrolledIn2Sv":false,"isEnforcedIn2Sv":false,"suspended":false,"archived":false,
               "lastLoginTime":"1970-01-01T00:00:00.000Z","creationTime":"2025-06-01T00:00:00.000Z"},
              {"primaryEmail":"carol@acme.example","name":{"fullName":"Carol Gone"},"isAdmin":false,"isDelegatedAdmin":false,
               "isEnrolledIn2Sv":true,"isEnforcedIn2Sv":false,"suspended":true,"archived":false,
               "lastLoginTime":"2026-03-01T00:00:00.000Z","creationTime":"2023-06-01T00:00:00.000Z"}
            ],"nextPageToken":"page-2 token+/="}""";
    static final String PAGE2 = """
            {"kind":"admin#directory#users","users":[
              {"primaryEmail":"dana@acme.example","name":{"fullName":"Dana Dev"},"isAdmin":true,"isDelegatedAdmin":false,
               "isEnrolledIn2Sv":true,"isEnforcedIn2Sv":false,"suspended":false,"archived":true,
               "lastLoginTime":"2026-11-01T00:00:00.000Z","creationTime":"2023-06-01T00:00:00.000Z"}
            ]}""";
    static final String SCOPE_403 = """
            {"error":{"code":403,"message":"Request had insufficient authentication scopes.",
             "errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],
             "status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",
             "reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com"}]}}""";
    static final String ADMIN_403 = """
            {"error":{"code":403,"message":"Not Authorized to access this resource/api",
             "errors":[{"message":"Not Authorized to access this resource/api","domain":"global","reason":"forbidden"}]}}""";

    @BeforeEach
    void start() throws IOException {
        idp = new MockOAuth2Server();
        idp.start();
        directory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        directory.createContext("/", ex -> {
            try (ex) {
                paths.add(ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery());
                bearers.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                Function<HttpExchange, Reply> f = script.poll();
                if (f == null) {
                    f = last;
                } else {
                    last = f;
                }
                Reply r = f.apply(ex);
                if (r.delayMs() > 0) {
                    try {
                        Thread.sleep(r.delayMs());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
                byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(r.status(), b.length);
                ex.getResponseBody().write(b);
            } catch (IOException e) {
                // client went away (timeout test)
            }
        });
        directory.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        directory.start();
    }

    @AfterEach
    void stop() {
        directory.stop(0);
        idp.shutdown();
    }

    String refreshToken;

    /** A refresh token the provider really issued: one authorization-code round trip, as a sign-in would. */
    String issuedRefreshToken() throws Exception {
        HttpClient c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String auth = idp.authorizationEndpointUrl("default") + "?client_id=palisade-desktop&response_type=code"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2F&scope=openid%20email&state=s1";
        String location = c.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        String body = c.send(HttpRequest.newBuilder(URI.create(idp.tokenEndpointUrl("default").toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2F&client_id=palisade-desktop&client_secret=s"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        idp.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
        idp.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("refresh_token").asText();
    }

    AccessTokenSource refreshAtIdp() throws Exception {
        refreshToken = issuedRefreshToken();
        return new RefreshTokenCredential(URI.create(idp.tokenEndpointUrl("default").toString()), "palisade-desktop",
                "s", refreshToken, Duration.ofSeconds(5), Clock.systemUTC());
    }

    WorkspaceCollector collector(AccessTokenSource tokens, Duration timeout) {
        return new WorkspaceCollector("acme.example", URI.create("http://127.0.0.1:" + directory.getAddress().getPort()),
                tokens, timeout, Duration.ofMillis(10));
    }

    CollectorResult run(AccessTokenSource tokens) throws InterruptedException {
        return collector(tokens, Duration.ofSeconds(5)).collect(ScanProgress.NONE);
    }

    @Test
    void readsEveryPageWithTheRefreshedTokenAndMapsTheFields() throws Exception {
        script.add(ex -> new Reply(200, PAGE1));
        script.add(ex -> new Reply(200, PAGE2));

        CollectorResult r = run(refreshAtIdp());

        SourceStatus s = r.sources().get(0);
        assertThat(s.name()).isEqualTo("google");
        assertThat(s.status()).isEqualTo(SourceState.OK);
        assertThat(s.apiCalls()).isEqualTo(2);
        List<WorkspaceUser> users = r.inventory().google().users().value();
        assertThat(users).extracting(WorkspaceUser::email)
                .containsExactly("ada@acme.example", "bob@acme.example", "carol@acme.example", "dana@acme.example");
        WorkspaceUser ada = users.get(0);
        assertThat(ada.admin()).isTrue();
        assertThat(ada.enrolledIn2Sv()).isTrue();
        assertThat(ada.lastLogin()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(ada.created()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(ada.aliases()).containsExactly("ceo@acme.example");
        assertThat(ada.name()).isEqualTo("Ada Founder");
        WorkspaceUser bob = users.get(1);
        assertThat(bob.delegatedAdmin()).isTrue();
        assertThat(bob.enrolledIn2Sv()).isFalse();
        assertThat(bob.lastLogin()).as("1970 means never").isNull();
        assertThat(users.get(2).suspended()).isTrue();
        assertThat(users.get(3).archived()).isTrue();
        assertThat(users.get(3).active()).isFalse();

        assertThat(paths.get(0)).startsWith("/admin/directory/v1/users?customer=my_customer").contains("maxResults=500")
                .doesNotContain("pageToken");
        assertThat(paths.get(1)).contains("pageToken=page-2+token%2B%2F%3D");
        String bearer = bearers.get(0);
        assertThat(bearer).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(bearer.substring(7));
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(idp.issuerUrl("default").toString());
        assertThat(bearers.get(1)).isEqualTo(bearer); // cached between pages
        var tokenCall = idp.takeRequest(2, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(tokenCall.getBody().readUtf8()).contains("grant_type=refresh_token").contains("refresh_token=" + refreshToken.substring(0, 10));
    }

    @Test
    void missingScopeIsAnErrorSourceThatNamesTheScope() throws Exception {
        script.add(ex -> new Reply(403, SCOPE_403));
        CollectorResult r = run(refreshAtIdp());
        SourceStatus s = r.sources().get(0);
        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("admin.directory.user.readonly").contains("sign in again");
        assertThat(r.inventory().google().users().isKnown()).isFalse();
        assertThat(r.inventory().google().users().error()).isEqualTo(s.error());
    }

    @Test
    void nonAdminAccountIsAnErrorSourceThatNamesTheRole() throws Exception {
        script.add(ex -> new Reply(403, ADMIN_403));
        SourceStatus s = run(refreshAtIdp()).sources().get(0);
        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("super admin").contains("Users › Read").contains("Not Authorized");
    }

    @Test
    void rejectedAccessTokenSaysSignInAgain() throws Exception {
        script.add(ex -> new Reply(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}"));
        SourceStatus s = run(refreshAtIdp()).sources().get(0);
        assertThat(s.error()).contains("HTTP 401").contains("sign in again");
    }

    @Test
    void retriesRateLimitsAndServerErrors() throws Exception {
        script.add(ex -> new Reply(429, "{}", Map.of("Retry-After", "0"), 0));
        script.add(ex -> new Reply(503, "{}"));
        script.add(ex -> new Reply(200, PAGE2));
        CollectorResult r = run(refreshAtIdp());
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.OK);
        assertThat(r.sources().get(0).apiCalls()).isEqualTo(3);
        assertThat(r.inventory().google().users().value()).hasSize(1);
    }

    @Test
    void givesUpAfterRepeatedServerErrors() throws Exception {
        script.add(ex -> new Reply(503, "{}"));
        SourceStatus s = run(refreshAtIdp()).sources().get(0);
        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.apiCalls()).isEqualTo(4);
        assertThat(s.error()).contains("HTTP 503 after 4 attempts");
    }

    @Test
    void aFailedLaterPageNeverYieldsAPartialDirectory() throws Exception {
        script.add(ex -> new Reply(200, PAGE1));
        script.add(ex -> new Reply(403, ADMIN_403));
        CollectorResult r = run(refreshAtIdp());
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(r.sources().get(0).error()).contains("stopped after 3 users");
        assertThat(r.inventory().google().users().isKnown()).isFalse();
    }

    @Test
    void timesOutASilentServer() throws Exception {
        script.add(ex -> new Reply(200, PAGE2, Map.of(), 3_000));
        long t0 = System.nanoTime();
        SourceStatus s = collector(refreshAtIdp(), Duration.ofMillis(200)).collect(ScanProgress.NONE).sources().get(0);
        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("HttpTimeoutException");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void revokedRefreshTokenSaysSignInAgain() throws Exception {
        // a token endpoint that answers like Google does for a revoked refresh token
        directory.createContext("/token", ex -> {
            try (ex) {
                byte[] b = "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}"
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(400, b.length);
                ex.getResponseBody().write(b);
            }
        });
        var tokens = new RefreshTokenCredential(URI.create("http://127.0.0.1:" + directory.getAddress().getPort() + "/token"),
                "palisade-desktop", "s", "revoked-refresh-token", Duration.ofSeconds(5), Clock.systemUTC());
        CollectorResult r = run(tokens);
        SourceStatus s = r.sources().get(0);
        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("revoked or has expired").contains("sign in again").doesNotContain("revoked-refresh-token");
        assertThat(s.apiCalls()).isZero();
        assertThat(paths).isEmpty();
    }
}
