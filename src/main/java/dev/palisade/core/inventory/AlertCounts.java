package dev.palisade.core.inventory;

/** Open alert counts, total and by severity (secret-scanning alerts have no severity: all in {@code open}). */
public record AlertCounts(int open, int critical, int high, int medium, int low) {
    public static AlertCounts none() {
        return new AlertCounts(0, 0, 0, 0, 0);
    }
}
