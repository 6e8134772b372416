package dev.palisade.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code palisade.yaml} (see SPEC.md). Sections that the file leaves out are {@code null}
 * ({@code google}, {@code github}) or empty ({@code environments}, {@code domains}, {@code people});
 * {@code tls} and {@code thresholds} are always present with their defaults.
 *
 * @param home         the data directory ({@code PALISADE_HOME}); relative file names resolve against it
 * @param environments in file order
 */
public record PalisadeConfig(Path home, String organization, GoogleConfig google,
                             Map<String, EnvironmentConfig> environments, List<DomainConfig> domains,
                             TlsConfig tls, GitHubConfig github, Thresholds thresholds, List<PersonLink> people) {
    public PalisadeConfig {
        environments = environments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        domains = domains == null ? List.of() : List.copyOf(domains);
        people = people == null ? List.of() : List.copyOf(people);
        tls = tls == null ? TlsConfig.defaults() : tls;
        thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
    }

    /** Resolves a file name from the configuration against {@link #home()}. */
    public Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() || home == null ? p : home.resolve(p);
    }
}
