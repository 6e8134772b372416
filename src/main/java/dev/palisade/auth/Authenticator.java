package dev.palisade.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the desktop app needs from sign-in; {@link GoogleSignIn} implements it. Blocking methods run
 * off the UI thread.
 */
public interface Authenticator {
    /** Runs the browser sign-in; blocks until it finishes, is refused, times out or is {@link #cancel()}led. */
    Session signIn() throws SignInException;

    /** Ends a waiting {@link #signIn()} or {@link #grantScope(String)} from another thread. */
    void cancel();

    /** The open session, if any and not expired. */
    Optional<Session> session();

    /** Asks the signed-in admin for one more scope (e.g. before an offboarding); returns all granted scopes. */
    Set<String> grantScope(String scope) throws SignInException;

    Set<String> grantedScopes();

    /**
     * Asks the signed-in admin for an access token with {@code scopes} for one action run; nothing is
     * stored (no refresh token), so the console keeps no standing write access. Blocks like {@link #signIn()}.
     */
    char[] actionToken(List<String> scopes) throws SignInException;

    /** Revokes and forgets the stored refresh token and ends the session. */
    void signOut();
}
