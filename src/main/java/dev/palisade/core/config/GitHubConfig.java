package dev.palisade.core.config;

import java.util.List;

/**
 * The {@code github:} section. The token itself is never in the configuration.
 *
 * @param organizations the organizations to read with the one token, in configuration order
 *                      ({@code organization: acme} or {@code organizations: [acme, acme-oss]}); never empty
 */
public record GitHubConfig(List<String> organizations, String apiUrl, String tokenEnv, List<String> securityLabels) {
    public static final String DEFAULT_API_URL = "https://api.github.com";
    public static final String DEFAULT_TOKEN_ENV = "PALISADE_GITHUB_TOKEN";

    public GitHubConfig {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        tokenEnv = tokenEnv == null ? DEFAULT_TOKEN_ENV : tokenEnv;
        securityLabels = securityLabels == null || securityLabels.isEmpty() ? List.of("security") : List.copyOf(securityLabels);
    }

    /** One organization ({@code github.organization: acme}). */
    public GitHubConfig(String organization, String apiUrl, String tokenEnv, List<String> securityLabels) {
        this(organization == null ? List.of() : List.of(organization), apiUrl, tokenEnv, securityLabels);
    }
}
