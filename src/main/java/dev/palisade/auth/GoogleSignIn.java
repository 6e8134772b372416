package dev.palisade.auth;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.auth.openidconnect.IdTokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google sign-in for the desktop console: OAuth 2.0 authorization code flow with PKCE (S256), the
 * system browser and a one-shot loopback receiver on {@code 127.0.0.1}, with {@code state} and
 * {@code nonce} checked, a fresh verifier per attempt and the ID token verified by
 * {@link IdTokenVerifier}. The refresh token is kept only in the {@link SecretStore}. Scans ask only
 * for {@link #SCAN_SCOPES}; an action that writes asks for its scope through {@link #grantScope}.
 *
 * <p>{@link #signIn()} blocks until the browser step ends: call it off the UI thread; {@link #cancel()}
 * ends a waiting attempt from another thread.
 */
public final class GoogleSignIn implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSignIn.class);
    public static final String DIRECTORY_READONLY = "https://www.googleapis.com/auth/admin.directory.user.readonly";
    public static final String DIRECTORY_USER = "https://www.googleapis.com/auth/admin.directory.user";
    public static final String DIRECTORY_USER_SECURITY = "https://www.googleapis.com/auth/admin.directory.user.security";
    public static final String DIRECTORY_GROUP = "https://www.googleapis.com/auth/admin.directory.group";
    /** What an offboarding's Workspace steps need (users, their security credentials, group membership), for one run. */
    public static final List<String> OFFBOARDING_SCOPES = List.of(DIRECTORY_USER, DIRECTORY_USER_SECURITY, DIRECTORY_GROUP);
    /** What a sign-in asks for: identity plus read-only directory access for scans. */
    public static final List<String> SCAN_SCOPES = List.of("openid", "email", "profile", DIRECTORY_READONLY);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    private final SignInSettings settings;
    private final SecretStore secrets;
    private final BrowserOpener browser;
    private final AuthEventSink events;
    private final Clock clock;
    private final HttpTransport transport = new NetHttpTransport();
    private volatile OidcProvider provider;
    private volatile IdTokenVerifier verifier;
    private volatile LoopbackReceiver pending;
    private volatile Session session;

    public GoogleSignIn(SignInSettings settings, SecretStore secrets, BrowserOpener browser, AuthEventSink events,
                        Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.browser = browser;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in session, if one is open and not expired. */
    @Override
    public Optional<Session> session() {
        Session s = session;
        return s != null && !s.isExpired(clock.instant()) ? Optional.of(s) : Optional.empty();
    }

    /** Runs the whole sign-in; records the outcome (granted or refused, with the reason) as an {@link AuthEvent}. */
    @Override
    public Session signIn() throws SignInException {
        try {
            Result r = authorize(SCAN_SCOPES, null, null, true);
            Instant now = clock.instant();
            Session s = new Session(r.identity.email(), r.identity.subject(), now, now.plus(settings.sessionLength()));
            session = s;
            events.record(new AuthEvent(now, AuthEvent.Type.SIGN_IN, s.email(), "granted",
                    "signed in with " + settings.issuer()));
            LOG.info("Signed in as {}", s.email());
            return s;
        } catch (SignInException e) {
            session = null; // a refused (re-)sign-in never leaves an earlier session open
            events.record(new AuthEvent(clock.instant(), AuthEvent.Type.SIGN_IN_REFUSED, "unknown",
                    "refused: " + e.reason(), e.getMessage()));
            LOG.info("Sign-in refused ({}): {}", e.reason(), e.getMessage());
            throw e;
        }
    }

    /**
     * Incremental authorization: asks the signed-in admin to grant one more scope (e.g.
     * {@link #DIRECTORY_USER} when an offboarding runs), keeping those already granted. Refused when
     * another account answers.
     *
     * @return every scope now granted
     */
    @Override
    public Set<String> grantScope(String scope) throws SignInException {
        Session s = session().orElseThrow(() -> new SignInException(SignInException.Reason.CANCELLED,
                "Sign in first; extra permissions can only be granted to the signed-in admin."));
        authorize(List.of("openid", "email", scope), s.email(), s, true);
        Set<String> granted = grantedScopes();
        events.record(new AuthEvent(clock.instant(), AuthEvent.Type.SCOPE_GRANTED, s.email(), "granted", scope));
        return granted;
    }

    /**
     * An access token for {@code scopes}, for one action run (an offboarding's Workspace steps): the
     * signed-in admin grants them in the browser, the token is returned and nothing is kept — no
     * refresh token is asked for, and the stored sign-in keeps only its read-only scopes, so the
     * console holds no standing write access. Refused when another account answers.
     */
    @Override
    public char[] actionToken(List<String> scopes) throws SignInException {
        Session s = session().orElseThrow(() -> new SignInException(SignInException.Reason.CANCELLED,
                "Sign in first; write permissions can only be granted by the signed-in admin."));
        List<String> asked = new java.util.ArrayList<>(List.of("openid", "email"));
        asked.addAll(scopes);
        Result r = authorize(asked, s.email(), s, false);
        if (r.accessToken() == null || r.accessToken().isEmpty()) {
            throw new SignInException(SignInException.Reason.CODE_EXCHANGE, "The provider granted the permissions but sent no access token.");
        }
        events.record(new AuthEvent(clock.instant(), AuthEvent.Type.SCOPE_GRANTED, s.email(), "granted for one action run; not stored",
                String.join(" ", scopes)));
        return r.accessToken().toCharArray();
    }

    /** The scopes the stored refresh token carries. */
    @Override
    public Set<String> grantedScopes() {
        return secrets.get(SecretStore.GOOGLE_SCOPES)
                .map(v -> (Set<String>) new TreeSet<>(List.of(v.split(" "))))
                .orElse(Set.of());
    }

    /** Ends a waiting sign-in (the person clicked Cancel); its {@link #signIn()} throws CANCELLED. */
    @Override
    public void cancel() {
        LoopbackReceiver r = pending;
        if (r != null) {
            r.cancel();
        }
    }

    /**
     * Signs out: revokes the refresh token at the provider, deletes it and the session. The local copy is
     * deleted even when the provider cannot be reached (the outcome says so).
     */
    @Override
    public void signOut() {
        String actor = session == null ? "unknown" : session.email();
        String outcome = "signed out";
        Optional<String> token = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN);
        if (token.isPresent()) {
            try {
                revoke(token.get());
                outcome = "signed out; token revoked";
            } catch (IOException | SignInException e) {
                outcome = "signed out; token deleted locally but revocation failed";
                LOG.warn("Refresh token revocation failed: {}", e.getClass().getSimpleName());
            }
        }
        secrets.delete(SecretStore.GOOGLE_REFRESH_TOKEN);
        secrets.delete(SecretStore.GOOGLE_SCOPES);
        session = null;
        events.record(new AuthEvent(clock.instant(), AuthEvent.Type.SIGN_OUT, actor, outcome, ""));
    }

    /** A fresh access token from the stored refresh token (for API calls made in the app). */
    public String accessToken() throws SignInException {
        String refresh = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN).orElseThrow(() -> new SignInException(
                SignInException.Reason.CANCELLED, "No Google sign-in is stored; sign in first."));
        try {
            TokenResponse t = new RefreshTokenRequest(transport, JSON, new GenericUrl(provider().tokenEndpoint()), refresh)
                    .setClientAuthentication(clientAuth()).setRequestInitializer(timeouts()).execute();
            return t.getAccessToken();
        } catch (TokenResponseException e) {
            throw new SignInException(SignInException.Reason.CODE_EXCHANGE, "Google refused the stored sign-in ("
                    + errorCode(e) + "); it was revoked or has expired. Sign in again.");
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.PROVIDER_UNREACHABLE, "Cannot reach "
                    + settings.issuer() + " to refresh the sign-in (" + e.getClass().getSimpleName() + ").");
        }
    }

    private record Result(VerifiedIdentity identity, String accessToken) {
    }

    /** @param current when granting an extra scope: the session whose account must answer */
    /**
     * @param keep true: ask for offline access and keep the refresh token and the granted scopes in the
     *             secrets; false: online access only, nothing kept (the access token is the result)
     */
    private Result authorize(List<String> scopes, String loginHint, Session current, boolean keep) throws SignInException {
        OidcProvider p = provider();
        String state = random(32);
        String nonce = random(32);
        String verifier = random(64); // 86 chars, within RFC 7636's 43..128
        try (LoopbackReceiver receiver = LoopbackReceiver.start(state)) {
            pending = receiver;
            URI redirect = receiver.redirectUri();
            AuthorizationCodeRequestUrl url = new AuthorizationCodeRequestUrl(p.authorizationEndpoint().toString(),
                    settings.client().clientId())
                    .setRedirectUri(redirect.toString())
                    .setScopes(scopes)
                    .setState(state);
            url.set("nonce", nonce);
            url.set("code_challenge", challenge(verifier));
            url.set("code_challenge_method", "S256");
            url.set("access_type", keep ? "offline" : "online");
            url.set("prompt", "consent");
            url.set("include_granted_scopes", keep ? "true" : "false");
            if (settings.domain() != null) {
                url.set("hd", settings.domain());
            }
            if (loginHint != null) {
                url.set("login_hint", loginHint);
            }
            try {
                browser.open(URI.create(url.build()));
            } catch (IOException | RuntimeException e) {
                throw new SignInException(SignInException.Reason.BROWSER, "Cannot open the web browser for sign-in ("
                        + e.getClass().getSimpleName() + "). Set a default browser and try again.", e);
            }
            String code = receiver.await(settings.timeout());
            IdTokenResponse tokens = exchange(p, code, redirect, verifier);
            VerifiedIdentity id = verifier().verify(tokens.getIdToken(), nonce);
            if (current != null && !id.subject().equals(current.subject())) {
                throw new SignInException(SignInException.Reason.DIFFERENT_ACCOUNT, "The permission was granted by "
                        + id.email() + ", not by the signed-in " + current.email() + "; it was not kept.");
            }
            if (!keep) {
                return new Result(id, tokens.getAccessToken());
            }
            if (tokens.getRefreshToken() != null) {
                secrets.put(SecretStore.GOOGLE_REFRESH_TOKEN, tokens.getRefreshToken());
            }
            Set<String> granted = new LinkedHashSet<>(loginHint == null ? Set.of() : grantedScopes());
            granted.addAll(tokens.getScope() != null ? List.of(tokens.getScope().split(" ")) : scopes);
            secrets.put(SecretStore.GOOGLE_SCOPES, String.join(" ", new TreeSet<>(granted)));
            return new Result(id, null);
        } finally {
            pending = null;
        }
    }

    private IdTokenResponse exchange(OidcProvider p, String code, URI redirect, String verifier) throws SignInException {
        try {
            AuthorizationCodeTokenRequest req = new AuthorizationCodeTokenRequest(transport, JSON,
                    new GenericUrl(p.tokenEndpoint()), code)
                    .setRedirectUri(redirect.toString())
                    .setClientAuthentication(clientAuth())
                    .setRequestInitializer(timeouts());
            req.set("code_verifier", verifier);
            return IdTokenResponse.execute(req);
        } catch (TokenResponseException e) {
            String err = errorCode(e);
            throw new SignInException(SignInException.Reason.CODE_EXCHANGE, "invalid_grant".equals(err)
                    ? "The sign-in code was refused by the provider (already used, expired, or not issued for this "
                    + "attempt). Click Sign in to start again."
                    : "The provider refused to finish the sign-in (" + err + "); check the OAuth client in "
                    + "google.clientSecretFile.");
        } catch (IOException | IllegalArgumentException e) {
            throw new SignInException(SignInException.Reason.PROVIDER_UNREACHABLE, "Cannot finish the sign-in with "
                    + settings.issuer() + " (" + e.getClass().getSimpleName() + ").");
        }
    }

    private void revoke(String token) throws IOException, SignInException {
        URI endpoint = provider().revocationEndpoint();
        if (endpoint == null) {
            throw new IOException("no revocation endpoint");
        }
        var form = new java.util.HashMap<String, Object>(Map.of("token", token, "token_type_hint", "refresh_token",
                "client_id", settings.client().clientId()));
        if (settings.client().clientSecret() != null) {
            form.put("client_secret", settings.client().clientSecret());
        }
        var resp = transport.createRequestFactory(timeouts())
                .buildPostRequest(new GenericUrl(endpoint), new UrlEncodedContent(form))
                .setThrowExceptionOnExecuteError(false).execute();
        try {
            if (resp.getStatusCode() / 100 != 2) {
                throw new IOException("revocation answered HTTP " + resp.getStatusCode());
            }
        } finally {
            resp.disconnect();
        }
    }

    private OidcProvider provider() throws SignInException {
        OidcProvider p = provider;
        if (p == null) {
            p = OidcProvider.discover(settings.issuer(), settings.httpTimeout());
            provider = p;
        }
        return p;
    }

    private IdTokenVerifier verifier() throws SignInException {
        IdTokenVerifier v = verifier;
        if (v == null) {
            OidcProvider p = provider();
            v = new IdTokenVerifier(p.issuer(), settings.client().clientId(), p.jwksUri(), settings.domain(),
                    settings.admins(), clock, IdTokenVerifier.DEFAULT_SKEW, settings.httpTimeout());
            verifier = v;
        }
        return v;
    }

    private ClientParametersAuthentication clientAuth() {
        return new ClientParametersAuthentication(settings.client().clientId(), settings.client().clientSecret());
    }

    private HttpRequestInitializer timeouts() {
        int ms = (int) settings.httpTimeout().toMillis();
        return r -> r.setConnectTimeout(ms).setReadTimeout(ms);
    }

    private static String errorCode(TokenResponseException e) {
        return e.getDetails() != null && e.getDetails().getError() != null ? e.getDetails().getError()
                : "HTTP " + e.getStatusCode();
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "GoogleSignIn[" + settings.issuer() + ", " + settings.client() + "]";
    }
}
