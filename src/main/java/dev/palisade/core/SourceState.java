package dev.palisade.core;

/** How a source's collection went. */
public enum SourceState {
    /** Everything was read. */
    OK,
    /** Some calls failed; the affected checks are ERROR. */
    PARTIAL,
    /** Nothing usable was read; all of this source's checks are ERROR. */
    ERROR
}
