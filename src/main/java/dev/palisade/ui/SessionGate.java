package dev.palisade.ui;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where Google sign-in plugs into the console. The shell shows "Signed in as …" or a "Sign in"
 * button; the auth code implements this. {@link #NONE} is the demo/unsigned state.
 */
public interface SessionGate {
    /** The signed-in admin's email, if a session is open. */
    Optional<String> signedInEmail();

    /** Starts an interactive sign-in (browser); completes with the email, or exceptionally with the refusal. Called on the FX thread; must not block it. */
    CompletableFuture<String> signIn();

    /** Ends the session (revokes tokens). */
    void signOut();

    /**
     * Asks the signed-in admin (in the browser) for an access token with {@code scopes}, for one action
     * run; nothing is stored. Called on the FX thread; must not block it.
     */
    default CompletableFuture<char[]> actionToken(java.util.List<String> scopes) {
        return CompletableFuture.failedFuture(new IllegalStateException(
                "Google sign-in is not configured: add a google: section to palisade.yaml, or paste a token."));
    }

    /** Whether sign-in is available at all (false for the demo workspace). */
    default boolean available() {
        return true;
    }

    SessionGate NONE = new SessionGate() {
        @Override
        public Optional<String> signedInEmail() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<String> signIn() {
            return CompletableFuture.failedFuture(new IllegalStateException("Sign-in is not configured: add a google: section to palisade.yaml."));
        }

        @Override
        public void signOut() {
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
