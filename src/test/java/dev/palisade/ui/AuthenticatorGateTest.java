package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.auth.Authenticator;
import dev.palisade.auth.Session;
import dev.palisade.auth.SignInException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter between the shell and the auth package: threading, mapping and refusals. */
class AuthenticatorGateTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "auth-bg"));

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** Records which thread each call ran on; refuses when {@code refusal} is set. */
    private static final class RecordingAuthenticator implements Authenticator {
        volatile Session session;
        volatile String signInThread;
        volatile String signOutThread;
        volatile SignInException refusal;

        @Override
        public Session signIn() throws SignInException {
            signInThread = Thread.currentThread().getName();
            if (refusal != null) {
                throw refusal;
            }
            session = new Session("founder@acme.example", "sub-1", Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
            return session;
        }

        @Override
        public void cancel() {
        }

        @Override
        public Optional<Session> session() {
            return Optional.ofNullable(session);
        }

        @Override
        public Set<String> grantScope(String scope) {
            return Set.of(scope);
        }

        @Override
        public Set<String> grantedScopes() {
            return Set.of();
        }

        volatile String actionTokenThread;

        @Override
        public char[] actionToken(java.util.List<String> scopes) throws SignInException {
            actionTokenThread = Thread.currentThread().getName();
            if (refusal != null) {
                throw refusal;
            }
            return ("ya29.one-run-" + String.join(",", scopes)).toCharArray();
        }

        @Override
        public void signOut() {
            signOutThread = Thread.currentThread().getName();
            session = null;
        }
    }

    @Test
    void asksForAnActionTokenOffTheCallingThreadAndPassesARefusalOn() throws Exception {
        RecordingAuthenticator auth = new RecordingAuthenticator();
        AuthenticatorGate gate = new AuthenticatorGate(auth, background);
        assertThat(new String(gate.actionToken(java.util.List.of("scope-a")).get(5, TimeUnit.SECONDS))).isEqualTo("ya29.one-run-scope-a");
        assertThat(auth.actionTokenThread).isEqualTo("auth-bg");
        auth.refusal = new SignInException(SignInException.Reason.DIFFERENT_ACCOUNT, "granted by someone else");
        assertThatThrownBy(() -> gate.actionToken(java.util.List.of("scope-a")).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SignInException.class).hasMessageContaining("granted by someone else");
    }

    @Test
    void signsInOffTheCallingThreadAndReportsTheEmail() throws Exception {
        RecordingAuthenticator auth = new RecordingAuthenticator();
        AuthenticatorGate gate = new AuthenticatorGate(auth, background);
        assertThat(gate.signedInEmail()).isEmpty();
        assertThat(gate.signIn().get(5, TimeUnit.SECONDS)).isEqualTo("founder@acme.example");
        assertThat(auth.signInThread).isEqualTo("auth-bg");
        assertThat(gate.signedInEmail()).contains("founder@acme.example");
        gate.signOut();
        background.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertThat(auth.signOutThread).isEqualTo("auth-bg");
        assertThat(gate.signedInEmail()).isEmpty();
    }

    @Test
    void aRefusalCompletesExceptionallyWithTheReason() {
        RecordingAuthenticator auth = new RecordingAuthenticator();
        auth.refusal = new SignInException(SignInException.Reason.CLIENT_CONFIG, "client_secret.json is missing from PALISADE_HOME.");
        AuthenticatorGate gate = new AuthenticatorGate(auth, background);
        assertThatThrownBy(() -> gate.signIn().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SignInException.class).hasMessageContaining("client_secret.json");
        assertThat(gate.signedInEmail()).isEmpty();
    }
}
