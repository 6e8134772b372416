package dev.palisade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.auth.EncryptedFileSecretStore;
import dev.palisade.auth.PassphrasePrompt;
import dev.palisade.auth.SecretStore;
import dev.palisade.auth.StoreKeys;
import dev.palisade.scan.LocalWorkspace;
import dev.palisade.store.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's head kept with the home's secrets (here the passphrase file) catches a database swapped for an older copy. */
class AuditAnchorTest {
    private static final String PASSPHRASE = "audit anchor test passphrase";
    private static final Map<String, String> ENV = Map.of(StoreKeys.PASSPHRASE_ENV, PASSPHRASE);

    @TempDir
    Path home;

    private LocalWorkspace open() {
        return Workspaces.openDemo(home, Clock.systemUTC(), "demo", ENV, PassphrasePrompt.NONE);
    }

    private String kept() {
        return EncryptedFileSecretStore.open(home.resolve(StoreKeys.SECRETS_FILE), PASSPHRASE.toCharArray())
                .get(SecretStore.AUDIT_HEAD + ".demo").orElse(null);
    }

    @Test
    void theHeadIsKeptWithTheSecretsAndAnOlderCopyOfTheDatabaseIsCaught() throws Exception {
        Path db = home.resolve("demo/palisade.db");
        Path older = home.resolve("older.db");
        try (LocalWorkspace ws = open()) {
            List<AuditEntry> log = ws.audit().entries();
            assertThat(log).isNotEmpty();
            AuditEntry last = log.get(log.size() - 1);
            assertThat(kept()).isEqualTo(last.seq() + " " + last.hash());
        }
        Files.copy(db, older);
        try (LocalWorkspace ws = open()) {
            ws.audit().append("demo", "offboard", "tom.becker@acme.example", "OK", null);
            assertThat(ws.audit().firstBroken()).isEmpty();
        }
        Files.copy(older, db, StandardCopyOption.REPLACE_EXISTING);
        try (LocalWorkspace ws = open()) {
            assertThat(ws.audit().firstBroken()).as("the offboarding entry is gone").isPresent();
            ws.audit().append("demo", "scan", "demo", "OK", null);
            List<AuditEntry> log = ws.audit().entries();
            assertThat(log.get(log.size() - 2).action()).isEqualTo("audit.gap");
            assertThat(log.get(log.size() - 2).details()).contains("replaced by an older copy");
        }
    }
}
