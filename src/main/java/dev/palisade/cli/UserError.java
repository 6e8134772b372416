package dev.palisade.cli;

/** A mistake the user can fix (unknown snapshot id, bad argument): printed without a stack trace, exit 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
