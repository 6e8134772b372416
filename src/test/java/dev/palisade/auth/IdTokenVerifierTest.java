package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.palisade.auth.SignInException.Reason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ID tokens minted by a real OIDC provider (mock-oauth2-server) and verified against its live JWKS. */
class IdTokenVerifierTest {
    static final String CLIENT = "palisade-desktop";
    MockOAuth2Server idp;
    MockOAuth2Server other;

    @BeforeEach
    void start() {
        idp = new MockOAuth2Server();
        idp.start();
        other = new MockOAuth2Server();
        other.start();
    }

    @AfterEach
    void stop() {
        idp.shutdown();
        other.shutdown();
    }

    IdTokenVerifier verifier() {
        return new IdTokenVerifier(idp.issuerUrl("default").toString(), CLIENT, URI.create(idp.jwksUrl("default").toString()),
                "acme.example", List.of("founder@acme.example"), Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    static Map<String, Object> claims() {
        return Map.of("email", "founder@acme.example", "email_verified", true, "hd", "acme.example", "nonce", "n-1");
    }

    @Test
    void acceptsAGoodToken() throws Exception {
        String t = idp.issueToken("default", "sub-1", CLIENT, claims()).serialize();
        VerifiedIdentity id = verifier().verify(t, "n-1");
        assertThat(id.email()).isEqualTo("founder@acme.example");
        assertThat(id.subject()).isEqualTo("sub-1");
        assertThat(id.hostedDomain()).isEqualTo("acme.example");
    }

    @Test
    void refusesAnotherAudience() {
        String t = idp.issueToken("default", "sub-1", "some-other-app", claims()).serialize();
        assertRefused(t, "n-1", Reason.WRONG_AUDIENCE, "another application");
    }

    @Test
    void refusesATokenFromASecondIssuer() {
        String t = other.issueToken("default", "sub-1", CLIENT, claims()).serialize();
        assertThatThrownBy(() -> verifier().verify(t, "n-1")).isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isIn(Reason.BAD_SIGNATURE, Reason.WRONG_ISSUER));
    }

    @Test
    void refusesAnotherIssuerPathOfTheSameServer() {
        String t = idp.issueToken("elsewhere", "sub-1", CLIENT, claims()).serialize();
        assertThatThrownBy(() -> verifier().verify(t, "n-1")).isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isIn(Reason.BAD_SIGNATURE, Reason.WRONG_ISSUER));
    }

    @Test
    void refusesAForgedSignatureWithTheRightKeyId() throws Exception {
        SignedJWT real = idp.issueToken("default", "sub-1", CLIENT, claims());
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).build(),
                real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(attacker));
        assertRefused(forged.serialize(), "n-1", Reason.BAD_SIGNATURE, "may be forged");
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String[] parts = idp.issueToken("default", "sub-1", CLIENT, claims()).serialize().split("\\.");
        String evil = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + idp.issuerUrl("default") + "\",\"aud\":\"" + CLIENT + "\",\"sub\":\"x\"}").getBytes());
        assertRefused(parts[0] + "." + evil + "." + parts[2], "n-1", Reason.BAD_SIGNATURE, "forged");
    }

    @Test
    void refusesAWrongNonce() {
        String t = idp.issueToken("default", "sub-1", CLIENT, claims()).serialize();
        assertRefused(t, "n-2", Reason.NONCE_MISMATCH, "nonce mismatch");
    }

    @Test
    void refusesAnExpiredTokenBeyondTheSkew() {
        String t = idp.issueToken("default", "sub-1", CLIENT, claims(), -120).serialize();
        assertRefused(t, "n-1", Reason.EXPIRED, "expired");
    }

    @Test
    void toleratesSmallClockSkew() throws Exception {
        String t = idp.issueToken("default", "sub-1", CLIENT, claims(), -20).serialize();
        assertThat(verifier().verify(t, "n-1").email()).isEqualTo("founder@acme.example");
    }

    @Test
    void refusesGarbage() {
        assertRefused("not-a-jwt", "n", Reason.MALFORMED_TOKEN, "not a signed JWT");
        assertRefused(null, "n", Reason.MALFORMED_TOKEN, "no ID token");
    }

    @Test
    void refusesEveryoneWhenNoAdminIsConfigured() {
        var v = new IdTokenVerifier(idp.issuerUrl("default").toString(), CLIENT, URI.create(idp.jwksUrl("default").toString()),
                "acme.example", List.of(), Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(5));
        String t = idp.issueToken("default", "sub-1", CLIENT, claims()).serialize();
        assertThatThrownBy(() -> v.verify(t, "n-1")).hasMessageContaining("add your email to google.admins");
    }

    private void assertRefused(String token, String nonce, Reason reason, String words) {
        assertThatThrownBy(() -> verifier().verify(token, nonce)).isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isEqualTo(reason))
                .hasMessageContaining(words);
    }
}
