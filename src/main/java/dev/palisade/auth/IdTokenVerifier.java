package dev.palisade.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an OpenID Connect ID token completely: signature against the issuer's JWKS, {@code iss},
 * {@code aud} = this client, {@code exp}/{@code iat} with a small skew, {@code nonce},
 * {@code email_verified}, {@code hd} = the configured Workspace domain, and the email in the allowed
 * admins. Every refusal is a {@link SignInException} whose reason names the rule.
 */
public final class IdTokenVerifier {
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final String domain;
    private final Set<String> admins;
    private final Clock clock;
    private final Duration skew;
    private final DefaultJWTProcessor<SecurityContext> processor;

    public IdTokenVerifier(String issuer, String clientId, URI jwksUri, String domain, List<String> admins, Clock clock,
                           Duration skew, Duration httpTimeout) {
        this.issuer = Objects.requireNonNull(issuer);
        this.clientId = Objects.requireNonNull(clientId, "clientId"); // an unset audience would disable the check
        this.domain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
        this.admins = admins.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.clock = clock;
        this.skew = skew;
        int ms = (int) httpTimeout.toMillis();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL(), new DefaultResourceRetriever(ms, ms, 512 * 1024))
                    .retrying(false).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad jwks_uri " + jwksUri, e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256,
                        JWSAlgorithm.PS256), keys));
        processor.setJWTClaimsSetVerifier((claims, ctx) -> { }); // the claims are checked below, with plain reasons
    }

    public VerifiedIdentity verify(String idToken, String expectedNonce) throws SignInException {
        if (idToken == null || idToken.isBlank()) {
            throw refuse(SignInException.Reason.MALFORMED_TOKEN, "The sign-in provider returned no ID token.");
        }
        JWTClaimsSet c;
        try {
            c = processor.process(idToken, null);
        } catch (ParseException e) {
            throw refuse(SignInException.Reason.MALFORMED_TOKEN, "The ID token is not a signed JWT.");
        } catch (BadJOSEException e) {
            throw refuse(SignInException.Reason.BAD_SIGNATURE, "The ID token is not signed by a key of " + issuer
                    + ", so it may be forged; sign-in refused.");
        } catch (KeySourceException e) {
            throw refuse(SignInException.Reason.PROVIDER_UNREACHABLE, "Cannot fetch the signing keys of " + issuer
                    + " to check the ID token; check the network.");
        } catch (JOSEException e) {
            throw refuse(SignInException.Reason.BAD_SIGNATURE, "The ID token's signature could not be checked; sign-in refused.");
        }
        if (!issuer.equals(c.getIssuer())) {
            throw refuse(SignInException.Reason.WRONG_ISSUER, "The ID token was issued by \"" + c.getIssuer()
                    + "\", not by " + issuer + "; sign-in refused.");
        }
        List<String> aud = c.getAudience();
        if (aud == null || !aud.contains(clientId)) {
            throw refuse(SignInException.Reason.WRONG_AUDIENCE, "The ID token was issued for another application ("
                    + aud + "), not for this Palisade client; sign-in refused.");
        }
        Object azp = c.getClaim("azp");
        if (aud.size() > 1 && azp != null && !clientId.equals(azp)) {
            throw refuse(SignInException.Reason.WRONG_AUDIENCE, "The ID token was requested by another application; sign-in refused.");
        }
        Instant now = clock.instant();
        Date exp = c.getExpirationTime();
        Date iat = c.getIssueTime();
        if (exp == null || iat == null) {
            throw refuse(SignInException.Reason.MALFORMED_TOKEN, "The ID token has no expiry or issue time.");
        }
        if (exp.toInstant().plus(skew).isBefore(now)) {
            throw refuse(SignInException.Reason.EXPIRED, "The ID token expired at " + exp.toInstant()
                    + "; sign in again (if this repeats, check this computer's clock).");
        }
        if (iat.toInstant().minus(skew).isAfter(now)) {
            throw refuse(SignInException.Reason.NOT_YET_VALID, "The ID token claims to be issued in the future ("
                    + iat.toInstant() + "); check this computer's clock.");
        }
        Object nonce = c.getClaim("nonce");
        if (expectedNonce != null && !expectedNonce.equals(nonce)) {
            throw refuse(SignInException.Reason.NONCE_MISMATCH, "The ID token does not belong to this sign-in attempt "
                    + "(nonce mismatch), so it may be replayed; sign-in refused.");
        }
        String email = str(c, "email");
        if (email == null) {
            throw refuse(SignInException.Reason.MALFORMED_TOKEN, "The ID token carries no email address; the sign-in "
                    + "request must include the email scope.");
        }
        Object verified = c.getClaim("email_verified");
        if (!(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw refuse(SignInException.Reason.EMAIL_UNVERIFIED, "The provider has not verified the email address "
                    + email + "; sign-in refused.");
        }
        String hd = str(c, "hd");
        if (domain != null && (hd == null || !domain.equals(hd.toLowerCase(Locale.ROOT)))) {
            throw refuse(SignInException.Reason.WRONG_DOMAIN, email + " is "
                    + (hd == null ? "not a Google Workspace account" : "an account of " + hd)
                    + ", but Palisade is set up for " + domain + " (google.domain); sign in with your " + domain
                    + " account.");
        }
        if (!admins.contains(email.toLowerCase(Locale.ROOT))) {
            throw refuse(SignInException.Reason.NOT_AN_ADMIN, admins.isEmpty()
                    ? "No one may use this console yet: add your email to google.admins in palisade.yaml."
                    : email + " is not listed in google.admins, so it may not use this console.");
        }
        if (c.getSubject() == null) {
            throw refuse(SignInException.Reason.MALFORMED_TOKEN, "The ID token has no subject.");
        }
        return new VerifiedIdentity(c.getSubject(), email, hd, iat.toInstant(), exp.toInstant());
    }

    private static String str(JWTClaimsSet c, String name) {
        Object v = c.getClaim(name);
        return v == null ? null : v.toString();
    }

    private static SignInException refuse(SignInException.Reason r, String message) {
        return new SignInException(r, message);
    }
}
