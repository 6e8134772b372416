package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.Workspaces;
import dev.palisade.store.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop console opens, against a real OIDC provider: a real workspace is handed out only
 * after a verified Google sign-in, whose email then acts; a refusal opens nothing and is audited; the
 * demo needs no sign-in.
 */
class ConsoleSignInTest {
    static final Map<String, String> ENV = Map.of("PALISADE_PASSPHRASE", "console passphrase");
    MockOAuth2Server idp;

    @TempDir
    Path home;

    @BeforeEach
    void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start();
        Files.writeString(home.resolve("client_secret.json"),
                "{\"installed\":{\"client_id\":\"palisade-desktop\",\"client_secret\":\"cs\",\"redirect_uris\":[\"http://localhost\"]}}");
        Files.writeString(home.resolve("palisade.yaml"), """
                organization: Acme
                google:
                  domain: acme.example
                  admins: [founder@acme.example]
                  clientSecretFile: client_secret.json
                  issuer: %s
                  directoryUrl: http://127.0.0.1:9
                  idleLockMinutes: 7
                """.formatted(idp.issuerUrl("default")));
    }

    @AfterEach
    void stop() {
        idp.shutdown();
    }

    private void nextToken(String email, String hd) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-1", "JWT", List.of("palisade-desktop"),
                Map.of("email", email, "email_verified", true, "hd", hd), 3600));
    }

    @Test
    void aRealWorkspaceOpensOnlyAfterAVerifiedSignInWhoseEmailActs() throws Exception {
        nextToken("founder@acme.example", "acme.example");
        Workspaces.Console c = Workspaces.openConsole(home, false, Clock.systemUTC(), "local:os-user", ENV,
                PassphrasePrompt.NONE, new GoogleDirectoryAccessTest.GoogleSignInTestBrowser("sub-1"));
        try (var ws = c.workspace()) {
            assertThat(ws.isDemo()).isFalse();
            assertThat(c.actor()).isEqualTo("founder@acme.example");
            assertThat(c.signIn()).get().satisfies(a -> assertThat(a.session()).map(Session::email).contains("founder@acme.example"));
            assertThat(c.idleLock()).isPresent();
            assertThat(c.idleLock().get().remaining()).isLessThanOrEqualTo(java.time.Duration.ofMinutes(7));
            assertThat(ws.audit().entries()).extracting(AuditEntry::action).anyMatch(a -> a.contains("sign"));
            assertThat(ws.audit().entries()).anyMatch(e -> "founder@acme.example".equals(e.actor()));
        }
    }

    @Test
    void aRefusedSignInOpensNothingAndIsAudited() throws Exception {
        nextToken("mallory@elsewhere.example", "elsewhere.example");
        assertThatThrownBy(() -> Workspaces.openConsole(home, false, Clock.systemUTC(), "local:os-user", ENV,
                PassphrasePrompt.NONE, new GoogleDirectoryAccessTest.GoogleSignInTestBrowser("sub-1")))
                .hasMessageStartingWith("Sign-in refused").hasMessageContaining("acme.example");
        // the store was closed again: it opens, and its audit log holds the refusal
        try (var ws = Workspaces.openLocal(home, Clock.systemUTC(), "inspector", ENV, PassphrasePrompt.NONE)) {
            assertThat(ws.audit().entries()).anyMatch(e -> e.outcome().toLowerCase().contains("refus")
                    || e.action().toLowerCase().contains("refus"));
        }
    }

    @Test
    void theDemoOpensWithoutSignIn() throws Exception {
        Files.delete(home.resolve("palisade.yaml"));
        Workspaces.Console c = Workspaces.openConsole(home, false, Clock.systemUTC(), "local:os-user", ENV,
                PassphrasePrompt.NONE, uri -> {
                    throw new AssertionError("the demo must not open a browser");
                });
        try (var ws = c.workspace()) {
            assertThat(ws.isDemo()).isTrue();
            assertThat(c.signIn()).isEmpty();
            assertThat(c.idleLock()).isEqualTo(Optional.empty());
        }
    }
}
