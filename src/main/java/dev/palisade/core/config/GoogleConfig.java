package dev.palisade.core.config;

import java.util.List;

/**
 * The {@code google:} section.
 *
 * @param serviceAccountKeyFile for headless directory reads with domain-wide delegation (optional)
 * @param serviceAccountSubject the admin the service account impersonates (optional)
 * @param idleLockMinutes       the console locks after this many idle minutes (default 15)
 */
public record GoogleConfig(String domain, List<String> admins, String clientSecretFile, String issuer,
                           String directoryUrl, String serviceAccountKeyFile, String serviceAccountSubject,
                           int idleLockMinutes) {
    public static final String DEFAULT_ISSUER = "https://accounts.google.com";
    public static final String DEFAULT_DIRECTORY_URL = "https://admin.googleapis.com";

    public GoogleConfig {
        admins = admins == null ? List.of() : List.copyOf(admins);
        issuer = issuer == null ? DEFAULT_ISSUER : issuer;
        directoryUrl = directoryUrl == null ? DEFAULT_DIRECTORY_URL : directoryUrl;
        idleLockMinutes = idleLockMinutes <= 0 ? 15 : idleLockMinutes;
    }
}
