package dev.palisade.collect.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens for headless scans from a service account with domain-wide delegation: a signed JWT
 * assertion (RFC 7523, {@code sub} = the impersonated admin) exchanged at the key file's
 * {@code token_uri}. Only the scopes given (the read-only directory scope for scans) are asked for.
 */
public final class ServiceAccountCredential implements AccessTokenSource {
    private final String clientEmail;
    private final String clientId;
    private final String keyId;
    private final PrivateKey key;
    private final URI tokenUri;
    private final String subject;
    private final List<String> scopes;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private String cached;
    private Instant cachedUntil = Instant.MIN;

    private ServiceAccountCredential(String clientEmail, String clientId, String keyId, PrivateKey key, URI tokenUri,
                                     String subject, List<String> scopes, Duration timeout, Clock clock) {
        this.clientEmail = clientEmail;
        this.clientId = clientId;
        this.keyId = keyId;
        this.key = key;
        this.tokenUri = tokenUri;
        this.subject = subject;
        this.scopes = List.copyOf(scopes);
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Reads a service account key file as Google Cloud issues it ({@code "type": "service_account"}). */
    public static ServiceAccountCredential load(Path keyFile, String subject, List<String> scopes, Duration timeout,
                                                Clock clock) throws DirectoryAccessException {
        if (subject == null || subject.isBlank()) {
            throw new DirectoryAccessException("google.serviceAccountSubject is not set: name the Workspace admin the "
                    + "service account acts as (a super admin's email).");
        }
        JsonNode j;
        try {
            j = new ObjectMapper().readTree(Files.readString(keyFile));
        } catch (IOException e) {
            throw new DirectoryAccessException("Cannot read the service account key file " + keyFile + " ("
                    + e.getClass().getSimpleName() + "); check google.serviceAccountKeyFile.");
        }
        if (!"service_account".equals(j.path("type").asText()) || !j.hasNonNull("private_key")
                || !j.hasNonNull("client_email")) {
            throw new DirectoryAccessException("The file " + keyFile + " is not a Google service account key "
                    + "(expected \"type\": \"service_account\" with client_email and private_key).");
        }
        try {
            String pem = j.get("private_key").asText().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new ServiceAccountCredential(j.get("client_email").asText(), j.path("client_id").asText(""),
                    j.path("private_key_id").asText(null), key,
                    URI.create(j.path("token_uri").asText("https://oauth2.googleapis.com/token")), subject, scopes, timeout, clock);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DirectoryAccessException("The private key in " + keyFile + " is not a PKCS#8 RSA key; download "
                    + "a new JSON key for the service account.");
        }
    }

    @Override
    public synchronized String accessToken() throws DirectoryAccessException, InterruptedException {
        if (cached != null && clock.instant().isBefore(cachedUntil)) {
            return cached;
        }
        Instant now = clock.instant();
        String assertion;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                    new JWTClaimsSet.Builder().issuer(clientEmail).subject(subject).audience(tokenUri.toString())
                            .claim("scope", String.join(" ", scopes)).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(3600))).jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(new RSASSASigner(key));
            assertion = jwt.serialize();
        } catch (JOSEException e) {
            throw new DirectoryAccessException("Cannot sign with the service account key (" + e.getClass().getSimpleName() + ").");
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion;
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(tokenUri).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryAccessException("Cannot reach the Google token endpoint " + tokenUri.getHost() + " ("
                    + e.getClass().getSimpleName() + "); check the network.");
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(r.body());
        } catch (IOException e) {
            body = new ObjectMapper().createObjectNode();
        }
        if (r.statusCode() != 200 || !body.hasNonNull("access_token")) {
            String err = body.path("error").asText("HTTP " + r.statusCode());
            String desc = body.path("error_description").asText("");
            if ("unauthorized_client".equals(err)) {
                throw new DirectoryAccessException("The service account " + clientEmail + " is not allowed to act for "
                        + "the domain: in the Admin console → Security → API controls → Domain-wide delegation, add client ID "
                        + clientId + " with the scope " + String.join(",", scopes) + ".");
            }
            if ("invalid_grant".equals(err)) {
                throw new DirectoryAccessException("Google refused the service account's request for " + subject + " ("
                        + desc + "); google.serviceAccountSubject must be an existing admin of the domain, and this "
                        + "computer's clock must be right.");
            }
            throw new DirectoryAccessException("Google refused the service account token (" + err
                    + (desc.isEmpty() ? "" : ": " + desc) + ").");
        }
        cached = body.get("access_token").asText();
        cachedUntil = now.plusSeconds(Math.max(0, body.path("expires_in").asLong(300) - 60));
        return cached;
    }

    @Override
    public String toString() {
        return "ServiceAccountCredential[" + clientEmail + " as " + subject + "]";
    }
}
