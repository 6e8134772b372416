package dev.palisade.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's decision about a finding, keyed by check id and resource id, lasting across scans: a
 * mute (with a note and an expiry; the finding is MUTED until then, then FAILs again) and/or an
 * owner assigned inside Palisade. Applies to every check.
 *
 * @param mutedUntil null when not muted; a mute always carries a non-blank {@code note}
 * @param note       why the risk is accepted (required with a mute), or a remark on the assignment
 * @param owner      who is to fix it (a person's email or a name), or null
 */
public record Triage(String check, String resourceId, Instant mutedUntil, String note, String owner,
                     String updatedBy, Instant updatedAt) {
    public Triage {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(resourceId, "resourceId");
        note = blankToNull(note);
        owner = blankToNull(owner);
        if (mutedUntil != null && note == null) {
            throw new IllegalArgumentException("a mute needs a note saying why the risk is accepted");
        }
    }

    /** A mute of {@code check} on {@code resourceId} until {@code until}, with the reason. */
    public static Triage mute(String check, String resourceId, Instant until, String note, String by, Instant at) {
        Objects.requireNonNull(until, "until");
        return new Triage(check, resourceId, until, note, null, by, at);
    }

    /** An owner assignment without a mute. */
    public static Triage assign(String check, String resourceId, String owner, String by, Instant at) {
        return new Triage(check, resourceId, null, null, owner, by, at);
    }

    /** This triage muted until {@code until} with {@code note}, keeping the owner. */
    public Triage withMute(Instant until, String note, String by, Instant at) {
        Objects.requireNonNull(until, "until");
        return new Triage(check, resourceId, until, note, owner, by, at);
    }

    /** This triage without its mute, keeping the owner (and the note as a remark). */
    public Triage withoutMute(String by, Instant at) {
        return new Triage(check, resourceId, null, note, owner, by, at);
    }

    /** This triage with another owner ({@code null} to unassign), keeping the mute. */
    public Triage withOwner(String newOwner, String by, Instant at) {
        return new Triage(check, resourceId, mutedUntil, note, newOwner, by, at);
    }

    /** The key findings and the store use: {@code check|resourceId}. */
    public String key() {
        return check + "|" + resourceId;
    }

    /** True when this triage mutes the finding at {@code now}. */
    public boolean mutes(Instant now) {
        return mutedUntil != null && now.isBefore(mutedUntil);
    }

    /** True when a mute was set and has run out at {@code now} (the finding fails again). */
    public boolean muteExpired(Instant now) {
        return mutedUntil != null && !now.isBefore(mutedUntil);
    }

    /** Neither muted nor assigned: nothing left to keep. */
    public boolean isEmpty() {
        return mutedUntil == null && owner == null && note == null;
    }

    /** One line for the audit log, e.g. {@code muted until 2027-01-01T00:00:00Z (accepted: …); owner dana@acme.example}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (mutedUntil != null) {
            sb.append("muted until ").append(mutedUntil).append(" (").append(note).append(')');
        } else {
            sb.append("not muted");
        }
        sb.append("; ").append(owner == null ? "no owner" : "owner " + owner);
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
