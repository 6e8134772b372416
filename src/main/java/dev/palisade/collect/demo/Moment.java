package dev.palisade.collect.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a demo inventory is observed. {@code anchor} is the demo's "now" (the latest scan): dates of
 * things that exist independently of the scan (certificate validity, issue creation) hang off it,
 * so the weekly history sees the same certificate getting closer to expiry. {@code at} is when
 * this inventory was scanned: activity (last login, key last used) hangs off it, so every
 * snapshot looks freshly collected. {@code stage} is the week: 0 = six weeks before the anchor,
 * {@link #CURRENT} = the anchor itself; the company's posture changes by stage.
 */
record Moment(Instant anchor, Instant at, int stage) {
    static final int CURRENT = 6;

    static Moment current(Instant now) {
        return new Moment(now, now, CURRENT);
    }

    /** {@code days} before the scan. */
    Instant ago(double days) {
        return at.minus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    /** {@code days} after the anchor (negative = before it). */
    Instant anchored(double days) {
        return anchor.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    /** True from week {@code s} on. */
    boolean from(int s) {
        return stage >= s;
    }

    /** True before week {@code s}. */
    boolean before(int s) {
        return stage < s;
    }

    /** True when {@code t} is not after the scan (the thing already existed). */
    boolean exists(Instant t) {
        return !t.isAfter(at);
    }

    /** Stable pseudo-random identifier characters from a seed: same seed, same id, on every run. */
    static String stableId(String prefix, String seed, int length) {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; sb.length() < prefix.length() + length; i++) {
                sb.append(alphabet.charAt((h[i % h.length] & 0xff) % alphabet.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable lowercase hex digest of a seed ({@code bytes} bytes, colon-free). */
    static String stableHex(String seed, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < bytes; i++) {
                sb.append(String.format("%02x", h[i % h.length]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
