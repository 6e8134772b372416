package dev.palisade.scan;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Snapshot ids: {@code yyyyMMdd-HHmmss-xxxx} (UTC start time and 4 random hex digits), for example
 * {@code 20261122-090000-3fa2}. They sort by time, are safe in file names and shells, and are short
 * enough to type.
 */
public final class SnapshotIds {
    public static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{4}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SnapshotIds() {
    }

    public static String next(Instant startedAt) {
        byte[] b = new byte[2];
        RANDOM.nextBytes(b);
        return TIME.format(startedAt) + "-" + HexFormat.of().formatHex(b);
    }
}
