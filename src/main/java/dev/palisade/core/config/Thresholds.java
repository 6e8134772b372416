package dev.palisade.core.config;

import dev.palisade.core.Severity;

/** The {@code thresholds:} section; every check reads its limits from here. */
public record Thresholds(int accessKeyMaxAgeDays, int credentialUnusedDays, int maxProdPeople, IssueSla issueSlaDays,
                         int workspaceInactiveDays) {

    public static Thresholds defaults() {
        return new Thresholds(90, 45, 3, IssueSla.defaults(), 90);
    }

    /** Days an open security issue may stay open, by severity. */
    public record IssueSla(int critical, int high, int medium, int low) {
        public static IssueSla defaults() {
            return new IssueSla(7, 30, 90, 180);
        }

        /** The SLA for a severity; INFO and unknown use {@code low}. */
        public int days(Severity s) {
            return switch (s) {
                case CRITICAL -> critical;
                case HIGH -> high;
                case MEDIUM -> medium;
                default -> low;
            };
        }
    }
}
