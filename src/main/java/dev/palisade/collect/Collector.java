package dev.palisade.collect;

/**
 * Talks to one kind of outside system and returns immutable inventory. Collectors never evaluate
 * checks and never throw for a failing system: a failure is a PARTIAL or ERROR {@link
 * dev.palisade.core.SourceStatus} plus unknown facts. They honour thread interruption and their
 * own deadlines.
 */
public interface Collector {
    /** What {@code scan --only} selects: {@code aws}, {@code tls}, {@code google}, {@code github} or {@code demo}. */
    String kind();

    CollectorResult collect(ScanProgress progress) throws InterruptedException;
}
