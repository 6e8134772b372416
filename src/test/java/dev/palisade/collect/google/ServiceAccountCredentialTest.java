package dev.palisade.collect.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domain-wide delegation against a token endpoint in the test that checks the assertion like Google does. */
class ServiceAccountCredentialTest {
    HttpServer server;
    KeyPair keys;
    final AtomicReference<String> mode = new AtomicReference<>("ok");
    final AtomicReference<SignedJWT> seen = new AtomicReference<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> {
            try (ex) {
                String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String status = "200";
                String body;
                try {
                    String grant = URLDecoder.decode(form.replaceAll(".*grant_type=([^&]+).*", "$1"), StandardCharsets.UTF_8);
                    SignedJWT jwt = SignedJWT.parse(form.replaceAll(".*assertion=([^&]+).*", "$1"));
                    seen.set(jwt);
                    boolean valid = grant.equals("urn:ietf:params:oauth:grant-type:jwt-bearer")
                            && jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()));
                    if (!valid) {
                        status = "400";
                        body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}";
                    } else if (mode.get().equals("unauthorized")) {
                        status = "401";
                        body = "{\"error\":\"unauthorized_client\",\"error_description\":\"Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.\"}";
                    } else {
                        body = "{\"access_token\":\"ya29.service-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}";
                    }
                } catch (Exception e) {
                    status = "400";
                    body = "{\"error\":\"invalid_request\"}";
                }
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(Integer.parseInt(status), b.length);
                ex.getResponseBody().write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Path keyFile(KeyPair k) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(k.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String json = "{\"type\":\"service_account\",\"project_id\":\"acme-palisade\",\"private_key_id\":\"kid-1\","
                + "\"private_key\":\"" + pem.replace("\n", "\\n") + "\",\"client_email\":\"scanner@acme-palisade.iam.gserviceaccount.com\","
                + "\"client_id\":\"1234567890\",\"token_uri\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/token\"}";
        Path f = dir.resolve("sa.json");
        Files.writeString(f, json);
        return f;
    }

    ServiceAccountCredential credential(Path f) throws Exception {
        return ServiceAccountCredential.load(f, "founder@acme.example",
                List.of("https://www.googleapis.com/auth/admin.directory.user.readonly"), Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void exchangesASignedAssertionForTheImpersonatedAdmin() throws Exception {
        var c = credential(keyFile(keys));
        assertThat(c.accessToken()).isEqualTo("ya29.service-token");
        var claims = seen.get().getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("scanner@acme-palisade.iam.gserviceaccount.com");
        assertThat(claims.getSubject()).isEqualTo("founder@acme.example");
        assertThat(claims.getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/admin.directory.user.readonly");
        assertThat(claims.getAudience()).containsExactly("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        assertThat(seen.get().getHeader().getKeyID()).isEqualTo("kid-1");
        assertThat(c.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void missingDelegationSaysWhereToAddIt() throws Exception {
        mode.set("unauthorized");
        var c = credential(keyFile(keys));
        assertThatThrownBy(c::accessToken).isInstanceOf(DirectoryAccessException.class)
                .hasMessageContaining("Domain-wide delegation").hasMessageContaining("1234567890")
                .hasMessageContaining("admin.directory.user.readonly");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var c = credential(keyFile(g.generateKeyPair()));
        assertThatThrownBy(c::accessToken).hasMessageContaining("Invalid JWT Signature");
    }

    @Test
    void badKeyFilesAndMissingSubjectAreExplained() throws Exception {
        Path f = dir.resolve("not-sa.json");
        Files.writeString(f, "{\"installed\":{\"client_id\":\"x\"}}");
        assertThatThrownBy(() -> credential(f)).hasMessageContaining("not a Google service account key");
        assertThatThrownBy(() -> ServiceAccountCredential.load(keyFile(keys), null, List.of(), Duration.ofSeconds(1), Clock.systemUTC()))
                .hasMessageContaining("google.serviceAccountSubject");
        assertThatThrownBy(() -> credential(dir.resolve("missing.json"))).hasMessageContaining("Cannot read");
    }
}
