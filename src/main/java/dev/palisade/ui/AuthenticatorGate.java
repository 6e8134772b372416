package dev.palisade.ui;

import dev.palisade.auth.Authenticator;
import dev.palisade.auth.Session;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The shell's {@link SessionGate} over the auth package's {@link Authenticator} (Google sign-in):
 * the blocking browser sign-in and the token revocation run on {@code background}, never on the FX thread.
 */
public final class AuthenticatorGate implements SessionGate {
    private final Authenticator auth;
    private final Executor background;

    public AuthenticatorGate(Authenticator auth, Executor background) {
        this.auth = auth;
        this.background = background;
    }

    @Override
    public Optional<String> signedInEmail() {
        return auth.session().map(Session::email);
    }

    @Override
    public CompletableFuture<String> signIn() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return auth.signIn().email();
            } catch (dev.palisade.auth.SignInException e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    @Override
    public CompletableFuture<char[]> actionToken(java.util.List<String> scopes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return auth.actionToken(scopes);
            } catch (dev.palisade.auth.SignInException e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    @Override
    public void signOut() {
        background.execute(auth::signOut);
    }
}
