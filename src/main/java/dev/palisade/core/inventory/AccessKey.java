package dev.palisade.core.inventory;

import java.time.Instant;

/**
 * An IAM access key. Never holds the secret.
 *
 * @param status   {@code Active} or {@code Inactive}
 * @param lastUsed null when never used
 */
public record AccessKey(String id, String status, Instant created, Instant lastUsed, String lastUsedService,
                        String lastUsedRegion) {
    public boolean active() {
        return "Active".equalsIgnoreCase(status);
    }
}
