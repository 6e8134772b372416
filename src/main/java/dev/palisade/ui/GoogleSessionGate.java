package dev.palisade.ui;

import dev.palisade.auth.Authenticator;
import dev.palisade.auth.Session;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** {@link SessionGate} backed by Google sign-in: the browser flow runs off the FX thread. */
public final class GoogleSessionGate implements SessionGate {
    private final Authenticator auth;
    private final Executor background;

    public GoogleSessionGate(Authenticator auth, Executor background) {
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
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    @Override
    public void signOut() {
        auth.signOut();
    }
}
