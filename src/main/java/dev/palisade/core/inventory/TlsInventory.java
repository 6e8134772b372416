package dev.palisade.core.inventory;

import java.util.List;

/** Live TLS observations of the configured domains. */
public record TlsInventory(List<TlsEndpoint> endpoints) {
}
