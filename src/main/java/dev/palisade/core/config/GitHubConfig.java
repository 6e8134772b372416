package dev.palisade.core.config;

import java.util.List;

/** The {@code github:} section. The token itself is never in the configuration. */
public record GitHubConfig(String organization, String apiUrl, String tokenEnv, List<String> securityLabels) {
    public static final String DEFAULT_API_URL = "https://api.github.com";
    public static final String DEFAULT_TOKEN_ENV = "PALISADE_GITHUB_TOKEN";

    public GitHubConfig {
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        tokenEnv = tokenEnv == null ? DEFAULT_TOKEN_ENV : tokenEnv;
        securityLabels = securityLabels == null || securityLabels.isEmpty() ? List.of("security") : List.copyOf(securityLabels);
    }
}
