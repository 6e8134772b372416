package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.SourceState;
import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless path: sign in once, then a scan reads the directory with the stored refresh token. */
class GoogleDirectoryAccessTest {
    MockOAuth2Server idp;
    HttpServer directory;
    final List<String> bearers = new CopyOnWriteArrayList<>();

    @TempDir
    Path home;

    @BeforeEach
    void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start();
        directory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        directory.createContext("/admin/directory/v1/users", ex -> {
            try (ex) {
                bearers.add(ex.getRequestHeaders().getFirst("Authorization"));
                byte[] b = """
                        {"users":[{"primaryEmail":"founder@acme.example","isAdmin":true,"isEnrolledIn2Sv":true,
                        "suspended":false,"lastLoginTime":"2026-11-30T08:00:00.000Z","creationTime":"2024-01-01T00:00:00.000Z"}]}"""
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
        });
        directory.start();
        Files.writeString(home.resolve("client_secret.json"),
                "{\"installed\":{\"client_id\":\"palisade-desktop\",\"client_secret\":\"cs\",\"redirect_uris\":[\"http://localhost\"]}}");
    }

    @AfterEach
    void stop() {
        directory.stop(0);
        idp.shutdown();
    }

    PalisadeConfig config() {
        var g = new GoogleConfig("acme.example", List.of("founder@acme.example"), "client_secret.json",
                idp.issuerUrl("default").toString(), "http://127.0.0.1:" + directory.getAddress().getPort(), null, null, 15);
        return new PalisadeConfig(home, "Acme", g, null, null, null, null, null, null);
    }

    SecretStore secrets() {
        return EncryptedFileSecretStore.open(home.resolve("secrets.enc"), "pp".toCharArray(), 10_000);
    }

    @Test
    void withoutAStoredSignInTheSourceIsAnErrorThatSaysHowToFixIt() throws Exception {
        CollectorResult r = GoogleDirectoryAccess.collector(config(), secrets()).orElseThrow().collect(ScanProgress.NONE);
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(r.sources().get(0).error()).contains("sign in once").contains("serviceAccountKeyFile");
        assertThat(bearers).isEmpty();
    }

    @Test
    void afterSignInAHeadlessScanReadsTheDirectory() throws Exception {
        SecretStore secrets = secrets();
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-1", "JWT", List.of("palisade-desktop"),
                Map.of("email", "founder@acme.example", "email_verified", true, "hd", "acme.example"), 3600));
        var settings = SignInSettings.from(config());
        var g = new GoogleSignIn(settings, secrets, uri -> new GoogleSignInTestBrowser("sub-1").open(uri),
                AuthEventSink.NONE, Clock.systemUTC());
        g.signIn();

        CollectorResult r;
        String logs;
        try (var capture = new LogCapture()) {
            r = GoogleDirectoryAccess.collector(config(), secrets).orElseThrow().collect(ScanProgress.NONE);
            logs = capture.text();
        }

        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.OK);
        String refresh = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN).orElseThrow();
        assertThat(logs + r).doesNotContain(refresh).doesNotContain(bearers.get(0).substring(7)).doesNotContain("\"cs\"");
        assertThat(r.inventory().google().users().value()).singleElement()
                .satisfies(u -> assertThat(u.email()).isEqualTo("founder@acme.example"));
        assertThat(bearers).singleElement().satisfies(b -> assertThat(b).startsWith("Bearer ey"));
    }

    @Test
    void noGoogleSectionNoCollector() {
        var c = new PalisadeConfig(home, "Acme", null, null, null, null, null, null, null);
        assertThat(GoogleDirectoryAccess.collector(c, secrets())).isEmpty();
    }

    /** The person's browser: opens the page, logs in on the provider's form, follows the redirect to the loopback. */
    record GoogleSignInTestBrowser(String login) implements BrowserOpener {
        @Override
        public void open(java.net.URI uri) throws java.io.IOException {
            var c = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            try {
                var r = c.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    r = c.send(java.net.http.HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + login)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                }
                String location = r.headers().firstValue("Location").orElseThrow();
                c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                throw new java.io.IOException(e);
            }
        }
    }
}
