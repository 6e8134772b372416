package dev.palisade.auth;

import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a sign-in needs: the provider ({@code google.issuer}), this Desktop client, the Workspace
 * domain and the admins allowed in, and the time limits.
 *
 * @param timeout        how long the browser step may take before the attempt is abandoned
 * @param httpTimeout    connect/read timeout of every call to the provider
 * @param sessionLength  absolute session lifetime
 */
public record SignInSettings(String issuer, ClientSecrets client, String domain, List<String> admins,
                             Duration timeout, Duration httpTimeout, Duration sessionLength) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_SESSION = Duration.ofHours(12);

    public SignInSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(client, "client");
        admins = admins == null ? List.of() : List.copyOf(admins);
    }

    /** From {@code palisade.yaml}'s {@code google:} section, reading the client JSON relative to the home. */
    public static SignInSettings from(PalisadeConfig config) throws SignInException {
        GoogleConfig g = config.google();
        if (g == null || g.clientSecretFile() == null) {
            throw new SignInException(SignInException.Reason.CLIENT_CONFIG, "palisade.yaml has no google.clientSecretFile; "
                    + "add the Desktop OAuth client JSON Google issued for Palisade.");
        }
        return new SignInSettings(g.issuer(), ClientSecrets.load(config.resolve(g.clientSecretFile())), g.domain(),
                g.admins(), DEFAULT_TIMEOUT, DEFAULT_HTTP_TIMEOUT, DEFAULT_SESSION);
    }
}
