package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.auth.SignInException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole sign-in against mock-oauth2-server, a real OIDC provider on 127.0.0.1; the test plays the browser. */
class GoogleSignInTest {
    static final String CLIENT = "palisade-desktop.apps.example";
    static final String DOMAIN = "acme.example";
    static final String ADMIN = "founder@acme.example";

    MockOAuth2Server idp;
    SecretStore secrets;
    List<AuthEvent> events = new CopyOnWriteArrayList<>();
    List<URI> visited = new ArrayList<>();
    HttpClient browserClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        idp = new MockOAuth2Server();
        idp.start();
        secrets = EncryptedFileSecretStore.open(home.resolve("secrets.enc"), "pp".toCharArray(), 10_000);
    }

    @AfterEach
    void stop() {
        idp.shutdown();
    }

    String issuer() {
        return idp.issuerUrl("default").toString();
    }

    GoogleSignIn signIn(BrowserOpener browser, Duration timeout, Clock clock) {
        var settings = new SignInSettings(issuer(), new ClientSecrets(CLIENT, "desktop-secret-123"), DOMAIN,
                List.of(ADMIN), timeout, Duration.ofSeconds(10), Duration.ofHours(12));
        return new GoogleSignIn(settings, secrets, browser, events::add, clock);
    }

    /** The admin, signed in through the provider's login form. */
    GoogleSignIn signedInAsAdmin() throws SignInException {
        nextToken(ADMIN, Map.of());
        GoogleSignIn g = signIn(followingBrowser());
        g.signIn();
        return g;
    }

    GoogleSignIn signIn(BrowserOpener browser) {
        return signIn(browser, Duration.ofSeconds(20), Clock.systemUTC());
    }

    /**
     * Plays the person's browser: opens the authorization URL, fills the provider's login form with the
     * next account (prompt=consent makes the provider show it) and follows the redirects down to the
     * loopback receiver.
     */
    BrowserOpener followingBrowser() {
        return uri -> {
            visited.add(uri);
            URI loopback = URI.create(authorize(uri));
            visited.add(loopback);
            get(loopback);
        };
    }

    /** Opens the authorization URL like a browser, logs in when asked, and returns where the provider redirects. */
    String authorize(URI uri) throws IOException {
        try {
            HttpResponse<String> r = noFollow.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("name=\"username\"")) {
                String form = "username=" + java.net.URLEncoder.encode(loginAs.remove(0), java.nio.charset.StandardCharsets.UTF_8);
                r = noFollow.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            }
            return r.headers().firstValue("Location").orElseThrow(() -> new IOException("no redirect"));
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    void get(URI uri) throws IOException {
        try {
            noFollow.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    final HttpClient noFollow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Who the simulated person types into the provider's login form, in order. */
    final List<String> loginAs = new CopyOnWriteArrayList<>();

    void nextToken(String email, Map<String, Object> extra, List<String> audience, long expirySeconds) {
        var claims = new java.util.HashMap<String, Object>(Map.of("email", email, "email_verified", true, "hd", DOMAIN));
        claims.putAll(extra);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-" + email, "JWT", audience, claims, expirySeconds));
        loginAs.add("sub-" + email);
    }

    void nextToken(String email, Map<String, Object> extra) {
        nextToken(email, extra, List.of(CLIENT), 3600);
    }

    @Test
    void signsInEndToEndWithPkceStateNonceAndStoresTheRefreshTokenOnlyInTheSecretStore() throws Exception {
        nextToken(ADMIN, Map.of());
        GoogleSignIn g = signIn(followingBrowser());

        Session s = g.signIn();

        assertThat(s.email()).isEqualTo(ADMIN);
        assertThat(s.subject()).isEqualTo("sub-" + ADMIN);
        assertThat(g.session()).contains(s);
        URI auth = visited.get(0);
        Map<String, String> q = LoopbackReceiver.query(auth.getRawQuery());
        assertThat(q).containsEntry("code_challenge_method", "S256").containsEntry("client_id", CLIENT)
                .containsEntry("hd", DOMAIN).containsKeys("state", "nonce", "code_challenge");
        assertThat(q.get("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(q.get("scope")).contains("admin.directory.user.readonly").doesNotContain("directory.user ");
        assertThat(visited.get(1).getHost()).isEqualTo("127.0.0.1");
        assertThat(secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN)).isPresent();
        assertThat(events).extracting(AuthEvent::type).containsExactly(AuthEvent.Type.SIGN_IN);
        assertThat(g.accessToken()).isNotBlank();

        // the receiver served one request and closed
        assertThatThrownBy(() -> browserClient.send(HttpRequest.newBuilder(visited.get(1)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    @Test
    void eachAttemptUsesAFreshVerifierStateAndNonce() throws Exception {
        nextToken(ADMIN, Map.of());
        nextToken(ADMIN, Map.of());
        GoogleSignIn g = signIn(followingBrowser());
        g.signIn();
        g.signIn();
        var a = LoopbackReceiver.query(visited.get(0).getRawQuery());
        var b = LoopbackReceiver.query(visited.get(2).getRawQuery());
        assertThat(a.get("state")).isNotEqualTo(b.get("state"));
        assertThat(a.get("nonce")).isNotEqualTo(b.get("nonce"));
        assertThat(a.get("code_challenge")).isNotEqualTo(b.get("code_challenge"));
    }

    @Test
    void refusesAResponseWithAnotherState() {
        nextToken(ADMIN, Map.of());
        BrowserOpener forging = uri -> get(URI.create(authorize(uri).replaceAll("state=[^&]+", "state=attacker")));
        assertRefused(signIn(forging), Reason.STATE_MISMATCH, "state mismatch");
    }

    @Test
    void refusesAReplayedCode() throws Exception {
        nextToken(ADMIN, Map.of());
        AtomicReference<String> firstRedirect = new AtomicReference<>();
        BrowserOpener capturing = uri -> {
            String location = authorize(uri);
            if (firstRedirect.get() == null) {
                firstRedirect.set(location);
            } else { // replay the old code against the new attempt, with the new state
                String state = LoopbackReceiver.query(URI.create(location).getRawQuery()).get("state");
                String oldCode = LoopbackReceiver.query(URI.create(firstRedirect.get()).getRawQuery()).get("code");
                location = "http://127.0.0.1:" + URI.create(location).getPort() + "/?code=" + oldCode + "&state=" + state;
            }
            get(URI.create(location));
        };
        GoogleSignIn g = signIn(capturing);
        g.signIn();
        nextToken(ADMIN, Map.of());
        assertRefused(g, Reason.CODE_EXCHANGE, "sign-in code was refused");
    }

    @Test
    void refusesAnotherWorkspaceDomain() {
        nextToken("someone@other.example", Map.of("hd", "other.example"));
        assertRefused(signIn(followingBrowser()), Reason.WRONG_DOMAIN, "an account of other.example");
    }

    @Test
    void refusesAConsumerAccountWithoutHd() {
        var claims = new java.util.HashMap<String, Object>(Map.of("email", "someone@gmail.com", "email_verified", true));
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-x", "JWT", List.of(CLIENT), claims, 3600));
        loginAs.add("sub-x");
        assertRefused(signIn(followingBrowser()), Reason.WRONG_DOMAIN, "not a Google Workspace account");
    }

    @Test
    void refusesAnUnverifiedEmail() {
        nextToken(ADMIN, Map.of("email_verified", false));
        assertRefused(signIn(followingBrowser()), Reason.EMAIL_UNVERIFIED, "not verified");
    }

    @Test
    void refusesSomeoneNotInAdmins() {
        nextToken("intern@acme.example", Map.of());
        assertRefused(signIn(followingBrowser()), Reason.NOT_AN_ADMIN, "intern@acme.example is not listed in google.admins");
    }

    @Test
    void refusesAnExpiredToken() {
        nextToken(ADMIN, Map.of(), List.of(CLIENT), -600);
        assertRefused(signIn(followingBrowser()), Reason.EXPIRED, "expired");
    }

    @Test
    void refusesATokenWhenTheLocalClockIsFarBehind() {
        nextToken(ADMIN, Map.of());
        var clock = new MutableClock(java.time.Instant.now().minus(Duration.ofHours(2)));
        assertRefused(signIn(followingBrowser(), Duration.ofSeconds(20), clock), Reason.NOT_YET_VALID, "future");
    }

    @Test
    void timesOutWhenNobodyFinishesAndStaysUsable() throws Exception {
        GoogleSignIn g = signIn(uri -> { }, Duration.ofMillis(300), Clock.systemUTC());
        assertRefused(g, Reason.TIMEOUT, "abandoned");
        // the same object signs in afterwards
        nextToken(ADMIN, Map.of());
        GoogleSignIn again = signIn(followingBrowser());
        assertThat(again.signIn().email()).isEqualTo(ADMIN);
    }

    @Test
    void cancelEndsAWaitingAttempt() throws Exception {
        AtomicReference<GoogleSignIn> ref = new AtomicReference<>();
        GoogleSignIn g = signIn(uri -> new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // ends the helper thread
            }
            ref.get().cancel();
        }).start(), Duration.ofSeconds(20), Clock.systemUTC());
        ref.set(g);
        assertRefused(g, Reason.CANCELLED, "cancelled");
    }

    @Test
    void browserCancelIsReportedAsCancelled() {
        BrowserOpener denying = uri -> {
            var q = LoopbackReceiver.query(uri.getRawQuery());
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(q.get("redirect_uri")
                        + "?error=access_denied&state=" + q.get("state"))).build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
        assertRefused(signIn(denying), Reason.CANCELLED, "cancelled in the browser");
    }

    @Test
    void incrementalAuthorizationAddsTheWriteScopeOnlyWhenAsked() throws Exception {
        nextToken(ADMIN, Map.of());
        GoogleSignIn g = signIn(followingBrowser());
        g.signIn();
        assertThat(g.grantedScopes()).contains(GoogleSignIn.DIRECTORY_READONLY).doesNotContain(GoogleSignIn.DIRECTORY_USER);

        nextToken(ADMIN, Map.of());
        var granted = g.grantScope(GoogleSignIn.DIRECTORY_USER);
        assertThat(granted).contains(GoogleSignIn.DIRECTORY_READONLY, GoogleSignIn.DIRECTORY_USER);
        var q = LoopbackReceiver.query(visited.get(2).getRawQuery());
        assertThat(q).containsEntry("include_granted_scopes", "true").containsEntry("login_hint", ADMIN);
        assertThat(events).extracting(AuthEvent::type).containsExactly(AuthEvent.Type.SIGN_IN, AuthEvent.Type.SCOPE_GRANTED);
    }

    @Test
    void anActionTokenIsGrantedForOneRunAndNothingIsKept() throws Exception {
        GoogleSignIn g = signedInAsAdmin();
        String refresh = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN).orElseThrow();
        java.util.Set<String> scopesBefore = g.grantedScopes();

        nextToken(ADMIN, Map.of());
        char[] token = g.actionToken(GoogleSignIn.OFFBOARDING_SCOPES);

        assertThat(new String(token)).isNotBlank().isNotEqualTo(refresh);
        var q = LoopbackReceiver.query(visited.get(2).getRawQuery());
        assertThat(q).containsEntry("access_type", "online").containsEntry("include_granted_scopes", "false")
                .containsEntry("login_hint", ADMIN);
        assertThat(q.get("scope")).contains(GoogleSignIn.DIRECTORY_USER, GoogleSignIn.DIRECTORY_USER_SECURITY,
                GoogleSignIn.DIRECTORY_GROUP);
        assertThat(secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN)).as("the stored sign-in is untouched").contains(refresh);
        assertThat(g.grantedScopes()).isEqualTo(scopesBefore).doesNotContain(GoogleSignIn.DIRECTORY_USER);
        AuthEvent last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(AuthEvent.Type.SCOPE_GRANTED);
        assertThat(last.outcome()).contains("one action run").contains("not stored");
        assertThat(last.toString()).doesNotContain(new String(token));
    }

    @Test
    void anActionTokenGrantedByAnotherAccountIsRefusedAndNeedsASignIn() throws Exception {
        var settings = new SignInSettings(issuer(), new ClientSecrets(CLIENT, "s"), DOMAIN,
                List.of(ADMIN, "cto@acme.example"), Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofHours(1));
        GoogleSignIn g = new GoogleSignIn(settings, secrets, followingBrowser(), events::add, Clock.systemUTC());
        assertThatThrownBy(() -> g.actionToken(GoogleSignIn.OFFBOARDING_SCOPES)).isInstanceOf(SignInException.class)
                .hasMessageContaining("Sign in first");
        nextToken(ADMIN, Map.of());
        g.signIn();
        nextToken("cto@acme.example", Map.of());
        assertThatThrownBy(() -> g.actionToken(GoogleSignIn.OFFBOARDING_SCOPES)).isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isEqualTo(Reason.DIFFERENT_ACCOUNT));
    }

    @Test
    void incrementalAuthorizationByAnotherAccountIsNotKept() throws Exception {
        var settings = new SignInSettings(issuer(), new ClientSecrets(CLIENT, "s"), DOMAIN,
                List.of(ADMIN, "cto@acme.example"), Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofHours(1));
        GoogleSignIn g = new GoogleSignIn(settings, secrets, followingBrowser(), events::add, Clock.systemUTC());
        nextToken(ADMIN, Map.of());
        g.signIn();
        nextToken("cto@acme.example", Map.of());
        assertThatThrownBy(() -> g.grantScope(GoogleSignIn.DIRECTORY_USER)).isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isEqualTo(Reason.DIFFERENT_ACCOUNT));
        assertThat(g.grantedScopes()).doesNotContain(GoogleSignIn.DIRECTORY_USER);
    }

    @Test
    void signOutRevokesAndClearsTheRefreshToken() throws Exception {
        GoogleSignIn g = signedInAsAdmin();
        String refresh = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN).orElseThrow();

        g.signOut();

        assertThat(secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN)).isEmpty();
        assertThat(g.session()).isEmpty();
        AuthEvent last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(AuthEvent.Type.SIGN_OUT);
        assertThat(last.outcome()).isEqualTo("signed out; token revoked");
        var revokeCall = findRequest("/default/revoke");
        assertThat(revokeCall).isPresent();
        assertThat(revokeCall.get()).contains("token=" + refresh.substring(0, 8));
    }

    @Test
    void noSecretReachesLogsEventsOrToString() throws Exception {
        try (var logs = new LogCapture()) {
            nextToken(ADMIN, Map.of());
            GoogleSignIn g = signIn(followingBrowser());
            g.signIn();
            String refresh = secrets.get(SecretStore.GOOGLE_REFRESH_TOKEN).orElseThrow();
            String access = g.accessToken();
            g.signOut();
            nextToken("intern@acme.example", Map.of());
            try {
                g.signIn();
            } catch (SignInException e) {
                assertThat(e.getMessage()).doesNotContain(refresh);
            }
            String all = logs.text() + events + g + secrets;
            assertThat(all).doesNotContain(refresh).doesNotContain(access).doesNotContain("desktop-secret-123");
        }
    }

    private Optional<String> findRequest(String path) throws InterruptedException {
        while (true) {
            var r = idp.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
            if (r == null) {
                return Optional.empty();
            }
            if (r.getPath() != null && r.getPath().startsWith(path)) {
                return Optional.of(r.getBody().readUtf8());
            }
        }
    }

    private void assertRefused(GoogleSignIn g, Reason reason, String words) {
        assertThatThrownBy(g::signIn).isInstanceOf(SignInException.class)
                .satisfies(e -> assertThat(((SignInException) e).reason()).isEqualTo(reason))
                .hasMessageContaining(words);
        assertThat(g.session()).isEmpty();
        AuthEvent last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(AuthEvent.Type.SIGN_IN_REFUSED);
        assertThat(last.outcome()).isEqualTo("refused: " + reason);
    }
}
