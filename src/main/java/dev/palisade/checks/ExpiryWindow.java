package dev.palisade.checks;

import dev.palisade.core.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * SPEC's lifetime-relative expiry rule shared by {@code tls.cert.expiry} and {@code acm.cert.expiry}:
 * warn window = min(30 days, lifetime / 3); inside the window or expired → FAIL, CRITICAL when
 * expired or under 7 days left, else HIGH.
 */
public record ExpiryWindow(Instant notBefore, Instant notAfter, Instant now) {
    static final Duration MAX_WINDOW = Duration.ofDays(30);
    static final Duration CRITICAL_UNDER = Duration.ofDays(7);

    public Duration lifetime() {
        return Duration.between(notBefore, notAfter);
    }

    public Duration window() {
        Duration third = lifetime().dividedBy(3);
        return third.compareTo(MAX_WINDOW) < 0 ? third : MAX_WINDOW;
    }

    public Duration left() {
        return Duration.between(now, notAfter);
    }

    public boolean expired() {
        return !now.isBefore(notAfter);
    }

    /** True when a FAIL is due: expired, or fewer than {@link #window()} left. */
    public boolean failing() {
        return expired() || left().compareTo(window()) < 0;
    }

    public Severity severity() {
        return expired() || left().compareTo(CRITICAL_UNDER) < 0 ? Severity.CRITICAL : Severity.HIGH;
    }

    /** Whole days left, negative once expired ({@code -3} = expired three days ago). */
    public long daysLeft() {
        long seconds = left().getSeconds();
        return Math.floorDiv(seconds, 86_400L);
    }
}
