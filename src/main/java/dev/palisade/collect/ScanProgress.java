package dev.palisade.collect;

import dev.palisade.core.SourceStatus;

/** Progress of a scan, per source; called from worker threads. */
public interface ScanProgress {
    /** @param fraction 0..1, or -1 when unknown */
    void update(String source, double fraction, String message);

    default void finished(SourceStatus status) {
    }

    ScanProgress NONE = (source, fraction, message) -> { };
}
