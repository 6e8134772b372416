package dev.palisade.act;

/** An action step or plan that cannot proceed; the message says what failed and what to do. Never carries a secret. */
public class ActionException extends Exception {
    public ActionException(String message) {
        super(message);
    }

    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
