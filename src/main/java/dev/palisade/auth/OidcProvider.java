package dev.palisade.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The endpoints of an OpenID Connect provider, read from {@code ISSUER/.well-known/openid-configuration}.
 * Google's issuer is {@code https://accounts.google.com}; tests point at an in-process provider.
 *
 * @param revocationEndpoint null when the provider does not publish one
 */
public record OidcProvider(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                           URI revocationEndpoint) {

    public static OidcProvider discover(String issuer, Duration timeout) throws SignInException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI url = URI.create(base + "/.well-known/openid-configuration");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SignInException(SignInException.Reason.PROVIDER_UNREACHABLE, "The sign-in provider " + issuer
                        + " answered HTTP " + r.statusCode() + " for its discovery document; check google.issuer.");
            }
            JsonNode d = new ObjectMapper().readTree(r.body());
            String declared = d.path("issuer").asText("");
            if (!declared.equals(issuer)) {
                throw new SignInException(SignInException.Reason.WRONG_ISSUER, "The sign-in provider at " + issuer
                        + " calls itself \"" + declared + "\"; google.issuer must be exactly the provider's issuer.");
            }
            return new OidcProvider(declared, uri(d, "authorization_endpoint", issuer), uri(d, "token_endpoint", issuer),
                    uri(d, "jwks_uri", issuer),
                    d.hasNonNull("revocation_endpoint") ? URI.create(d.get("revocation_endpoint").asText()) : null);
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.PROVIDER_UNREACHABLE, "Cannot reach the sign-in provider "
                    + issuer + " (" + e.getClass().getSimpleName() + "); check the network and google.issuer.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(SignInException.Reason.CANCELLED, "Sign-in was cancelled.");
        }
    }

    private static URI uri(JsonNode d, String field, String issuer) throws SignInException {
        if (!d.hasNonNull(field)) {
            throw new SignInException(SignInException.Reason.PROVIDER_UNREACHABLE, "The discovery document of " + issuer
                    + " has no " + field + ".");
        }
        return URI.create(d.get(field).asText());
    }
}
