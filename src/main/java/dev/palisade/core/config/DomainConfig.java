package dev.palisade.core.config;

/** A TLS endpoint to check; port defaults to 443. */
public record DomainConfig(String host, int port) {
    public DomainConfig {
        if (port == 0) {
            port = 443;
        }
    }

    public String id() {
        return host + ":" + port;
    }
}
