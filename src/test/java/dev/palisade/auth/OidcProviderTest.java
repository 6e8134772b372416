package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;

class OidcProviderTest {
    @Test
    void readsTheEndpointsFromDiscovery() throws Exception {
        var idp = new MockOAuth2Server();
        idp.start();
        try {
            String issuer = idp.issuerUrl("default").toString();
            OidcProvider p = OidcProvider.discover(issuer, Duration.ofSeconds(5));
            assertThat(p.issuer()).isEqualTo(issuer);
            assertThat(p.tokenEndpoint().toString()).isEqualTo(idp.tokenEndpointUrl("default").toString());
            assertThat(p.jwksUri().toString()).isEqualTo(idp.jwksUrl("default").toString());
            assertThat(p.revocationEndpoint()).isNotNull();

        } finally {
            idp.shutdown();
        }
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", ex -> {
            try (ex) {
                byte[] b = ("{\"issuer\":\"https://accounts.evil.example\",\"authorization_endpoint\":\"https://x/a\","
                        + "\"token_endpoint\":\"https://x/t\",\"jwks_uri\":\"https://x/j\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
        });
        server.start();
        try {
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThatThrownBy(() -> OidcProvider.discover(issuer, Duration.ofSeconds(5)))
                    .isInstanceOf(SignInException.class)
                    .satisfies(e -> assertThat(((SignInException) e).reason()).isEqualTo(SignInException.Reason.WRONG_ISSUER))
                    .hasMessageContaining("google.issuer must be exactly");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableProviderIsExplained() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(() -> OidcProvider.discover("http://127.0.0.1:" + closed, Duration.ofSeconds(2)))
                .isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isEqualTo(SignInException.Reason.PROVIDER_UNREACHABLE))
                .hasMessageContaining("Cannot reach the sign-in provider");
    }

    @Test
    void clientSecretsFileIsReadAndItsSecretNeverPrinted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var f = dir.resolve("client_secret.json");
        java.nio.file.Files.writeString(f, "{\"installed\":{\"client_id\":\"123.apps.googleusercontent.com\","
                + "\"client_secret\":\"GOCSPX-very-secret\",\"redirect_uris\":[\"http://localhost\"]}}");
        ClientSecrets c = ClientSecrets.load(f);
        assertThat(c.clientId()).isEqualTo("123.apps.googleusercontent.com");
        assertThat(c.clientSecret()).isEqualTo("GOCSPX-very-secret");
        assertThat(c.toString()).doesNotContain("GOCSPX");
        assertThatThrownBy(() -> ClientSecrets.load(dir.resolve("missing.json"))).hasMessageContaining("Desktop app client JSON");
    }
}
