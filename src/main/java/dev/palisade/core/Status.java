package dev.palisade.core;

/** Outcome of one check on one resource. */
public enum Status {
    /** Evaluated and compliant. */
    PASS,
    /** Evaluated and not compliant. */
    FAIL,
    /** Could not be evaluated: the data it needs was not collected. Never a PASS in disguise. */
    ERROR,
    /** A FAIL a user accepted, with a note and an expiry (see {@link Triage}). */
    MUTED
}
