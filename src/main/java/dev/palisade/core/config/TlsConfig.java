package dev.palisade.core.config;

import java.util.List;

/** The {@code tls:} section. */
public record TlsConfig(List<String> extraTrustedCertificates, int connectTimeoutSeconds) {
    public TlsConfig {
        extraTrustedCertificates = extraTrustedCertificates == null ? List.of() : List.copyOf(extraTrustedCertificates);
        connectTimeoutSeconds = connectTimeoutSeconds <= 0 ? 5 : connectTimeoutSeconds;
    }

    public static TlsConfig defaults() {
        return new TlsConfig(List.of(), 5);
    }
}
