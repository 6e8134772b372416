package dev.palisade.store;

/**
 * The store cannot be used: its message says what is wrong with which file and what to do. The
 * file was not modified when this is thrown on open.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
