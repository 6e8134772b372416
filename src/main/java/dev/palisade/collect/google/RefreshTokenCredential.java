package dev.palisade.collect.google;

import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens from the signed-in admin's stored refresh token, refreshed at the provider's token
 * endpoint with google-oauth-client and cached until shortly before they expire.
 */
public final class RefreshTokenCredential implements AccessTokenSource {
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Duration timeout;
    private final Clock clock;
    private final NetHttpTransport transport = new NetHttpTransport();
    private String cached;
    private Instant cachedUntil = Instant.MIN;

    public RefreshTokenCredential(URI tokenEndpoint, String clientId, String clientSecret, String refreshToken,
                                  Duration timeout, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public synchronized String accessToken() throws DirectoryAccessException {
        if (cached != null && clock.instant().isBefore(cachedUntil)) {
            return cached;
        }
        int ms = (int) timeout.toMillis();
        try {
            TokenResponse t = new RefreshTokenRequest(transport, GsonFactory.getDefaultInstance(),
                    new GenericUrl(tokenEndpoint), refreshToken)
                    .setClientAuthentication(new ClientParametersAuthentication(clientId, clientSecret))
                    .setRequestInitializer(r -> r.setConnectTimeout(ms).setReadTimeout(ms))
                    .execute();
            cached = t.getAccessToken();
            long life = t.getExpiresInSeconds() == null ? 300 : t.getExpiresInSeconds();
            cachedUntil = clock.instant().plusSeconds(Math.max(0, life - 60));
            return cached;
        } catch (TokenResponseException e) {
            String err = e.getDetails() != null ? e.getDetails().getError() : "HTTP " + e.getStatusCode();
            throw new DirectoryAccessException("invalid_grant".equals(err)
                    ? "The stored Google sign-in was revoked or has expired (unused for 6 months, password changed, or "
                    + "the OAuth app is in Testing mode); sign in again in the Palisade app."
                    : "Google refused to refresh the stored sign-in (" + err + "); sign in again in the Palisade app.");
        } catch (IOException e) {
            throw new DirectoryAccessException("Cannot reach the Google token endpoint " + tokenEndpoint.getHost()
                    + " (" + e.getClass().getSimpleName() + "); check the network.");
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenCredential[" + tokenEndpoint + ", " + clientId + "]";
    }
}
