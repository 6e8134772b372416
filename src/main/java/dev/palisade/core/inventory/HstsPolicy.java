package dev.palisade.core.inventory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code Strict-Transport-Security} header (RFC 6797 §6.1): directives separated by
 * {@code ;}, names case-insensitive, optional whitespace, values as tokens or quoted strings; a
 * header with a missing, malformed or repeated {@code max-age} is invalid and ignored by browsers.
 */
public record HstsPolicy(long maxAgeSeconds, boolean includeSubDomains, boolean preload) {
    /** SPEC's minimum for {@code tls.hsts}: 180 days. */
    public static final long MIN_MAX_AGE_SECONDS = 15_552_000L;

    /** The policy, or empty when the header is not a valid HSTS header. */
    public static Optional<HstsPolicy> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Long maxAge = null;
        boolean sub = false;
        boolean preload = false;
        Set<String> seen = new HashSet<>();
        for (String part : header.split(";", -1)) {
            String directive = part.strip();
            if (directive.isEmpty()) {
                continue;
            }
            int eq = directive.indexOf('=');
            String name = (eq < 0 ? directive : directive.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : unquote(directive.substring(eq + 1).strip());
            if (!seen.add(name)) {
                return Optional.empty(); // RFC 6797: a directive must not appear more than once
            }
            switch (name) {
                case "max-age" -> {
                    if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
                        return Optional.empty();
                    }
                    maxAge = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
                }
                case "includesubdomains" -> sub = true;
                case "preload" -> preload = true;
                default -> { } // unknown directives are ignored
            }
        }
        return maxAge == null ? Optional.empty() : Optional.of(new HstsPolicy(maxAge, sub, preload));
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    public boolean strongEnough() {
        return maxAgeSeconds >= MIN_MAX_AGE_SECONDS;
    }
}
