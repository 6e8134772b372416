package dev.palisade.core;

import java.time.Instant;

/**
 * A user's decision about a finding, keyed by check id and resource id, lasting across scans.
 * A mute applies while {@code mutedUntil} is in the future; {@code owner} is an assignment inside Palisade.
 */
public record Triage(String check, String resourceId, Instant mutedUntil, String note, String owner,
                     String updatedBy, Instant updatedAt) {

    /** True when this triage mutes the finding at {@code now}. */
    public boolean mutes(Instant now) {
        return mutedUntil != null && now.isBefore(mutedUntil);
    }
}
