package dev.palisade.auth;

import dev.palisade.collect.Collector;
import dev.palisade.collect.google.AccessTokenSource;
import dev.palisade.collect.google.DirectoryAccessException;
import dev.palisade.collect.google.RefreshTokenCredential;
import dev.palisade.collect.google.ServiceAccountCredential;
import dev.palisade.collect.google.WorkspaceCollector;
import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@code google} collector with the right credential: a service account with domain-wide
 * delegation when {@code google.serviceAccountKeyFile} is set, else the signed-in admin's refresh token
 * from the {@link SecretStore}. Nothing is fetched here: a missing sign-in, an unreachable provider or
 * a bad key file becomes the collector's ERROR source with the fix spelled out.
 */
public final class GoogleDirectoryAccess {
    /** Scans read only. */
    public static final List<String> SCAN_SCOPES = List.of(GoogleSignIn.DIRECTORY_READONLY);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private GoogleDirectoryAccess() {
    }

    /** Empty when {@code palisade.yaml} has no {@code google:} section. */
    public static Optional<Collector> collector(PalisadeConfig config, SecretStore secrets) {
        GoogleConfig g = config.google();
        if (g == null) {
            return Optional.empty();
        }
        return Optional.of(new WorkspaceCollector(g.domain(), URI.create(g.directoryUrl()), tokens(config, secrets)));
    }

    static AccessTokenSource tokens(PalisadeConfig config, SecretStore secrets) {
        GoogleConfig g = config.google();
        if (g.serviceAccountKeyFile() != null) {
            return new AccessTokenSource() {
                private ServiceAccountCredential credential;

                @Override
                public synchronized String accessToken() throws DirectoryAccessException, InterruptedException {
                    if (credential == null) {
                        credential = ServiceAccountCredential.load(config.resolve(g.serviceAccountKeyFile()),
                                g.serviceAccountSubject(), SCAN_SCOPES, TIMEOUT, Clock.systemUTC());
                    }
                    return credential.accessToken();
                }
            };
        }
        return new AccessTokenSource() {
            private RefreshTokenCredential credential;

            @Override
            public synchronized String accessToken() throws DirectoryAccessException, InterruptedException {
                if (credential == null) {
                    String refresh = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN).orElseThrow(() ->
                            new DirectoryAccessException("No Google sign-in is stored for this data directory: sign in "
                                    + "once in the Palisade app, or set google.serviceAccountKeyFile and "
                                    + "google.serviceAccountSubject for headless scans."));
                    if (g.clientSecretFile() == null) {
                        throw new DirectoryAccessException("google.clientSecretFile is not set; it is needed to refresh "
                                + "the stored sign-in.");
                    }
                    try {
                        ClientSecrets client = ClientSecrets.load(config.resolve(g.clientSecretFile()));
                        OidcProvider p = OidcProvider.discover(g.issuer(), TIMEOUT);
                        credential = new RefreshTokenCredential(p.tokenEndpoint(), client.clientId(),
                                client.clientSecret(), refresh, TIMEOUT, Clock.systemUTC());
                    } catch (SignInException e) {
                        throw new DirectoryAccessException(e.getMessage());
                    }
                }
                return credential.accessToken();
            }
        };
    }
}
