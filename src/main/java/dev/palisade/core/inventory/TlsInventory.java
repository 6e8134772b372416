package dev.palisade.core.inventory;

import java.util.List;

/**
 * Live TLS observations of the configured domains.
 *
 * @param trustStoreError null when the JDK CAs and every {@code tls.extraTrustedCertificates} file were
 *                        loaded; else why not (then chain verdicts are not trustworthy and
 *                        {@code tls.cert.chain} reports ERROR)
 */
public record TlsInventory(List<TlsEndpoint> endpoints, String trustStoreError) {
    public TlsInventory {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public TlsInventory(List<TlsEndpoint> endpoints) {
        this(endpoints, null);
    }
}
