package dev.palisade.scan;

/** A scan that cannot start as asked (unknown or unconfigured source); the message says what to do. */
public final class ScanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanException(String message) {
        super(message);
    }
}
