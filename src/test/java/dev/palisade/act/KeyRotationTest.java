package dev.palisade.act;

import dev.palisade.core.action.StepState;
import dev.palisade.core.action.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.PayloadCodec;
import dev.palisade.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation end to end through the real IAM client against the query-protocol server. */
class KeyRotationTest {
    @TempDir
    Path dir;
    ActFixture fx;
    SqliteStore store;
    KeyRotation rotation;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ActFixture(dir);
        store = SqliteStore.open(dir.resolve("palisade.db"), PayloadCodec.PLAIN);
        rotation = rotation();
    }

    private KeyRotation rotation() throws ActionException {
        return new KeyRotation(fx.clients().iam(fx.environments().get("prod")), store.actions(), store, "prod",
                "founder@acme.example", Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        fx.close();
    }

    @Test
    void rotatesOneKeyEndToEndWithoutTouchingAnyOther() throws Exception {
        var ci = fx.prod.users.get("ci-bot");
        fx.prod.user("other").keys.put("AKIAOTHER00000000001", "Active");

        KeyRotation.NewKey key = rotation.create("ci-bot", "AKIACIBOT00000000001");
        assertThat(key.accessKeyId()).startsWith("AKIANEW");
        assertThat(new String(key.secret())).startsWith("wJalrSECRET");
        assertThat(key.toString()).doesNotContain("wJalr");
        String secret = new String(key.secret());
        key.wipe();
        assertThat(key.secret()).containsOnly('\0');
        assertThat(ci.keys).containsEntry("AKIACIBOT00000000001", "Active").containsEntry(key.accessKeyId(), "Active");

        ci.keyLastUsed.put(key.accessKeyId(), Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(rotation.lastUse("ci-bot")).extracting(KeyRotation.KeyUse::accessKeyId, KeyRotation.KeyUse::lastUsed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AKIACIBOT00000000001", null),
                        org.assertj.core.groups.Tuple.tuple(key.accessKeyId(), Instant.parse("2026-12-01T11:00:00Z")));

        assertThatThrownBy(() -> rotation.create("ci-bot", "AKIACIBOT00000000001")).hasMessageContaining("already created");
        assertThat(rotation.deactivate("ci-bot", "AKIACIBOT00000000001").state()).isEqualTo(StepState.DONE);
        assertThat(ci.keys).containsEntry("AKIACIBOT00000000001", "Inactive").containsEntry(key.accessKeyId(), "Active");
        assertThat(rotation.delete("ci-bot", "AKIACIBOT00000000001").state()).isEqualTo(StepState.DONE);
        assertThat(ci.keys).containsOnlyKeys(key.accessKeyId());
        assertThat(fx.prod.users.get("other").keys).containsEntry("AKIAOTHER00000000001", "Active");

        // Every mutating call named the user, and the secret is nowhere at rest or in the audit.
        assertThat(fx.prod.mutations).allMatch(m -> m.contains("ci-bot"));
        store.close();
        for (String f : new String[] {"palisade.db", "palisade.db-wal"}) {
            if (Files.exists(dir.resolve(f))) {
                assertThat(Files.readString(dir.resolve(f), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            }
        }
        store = SqliteStore.open(dir.resolve("palisade.db"), PayloadCodec.PLAIN);
        assertThat(store.entries()).extracting(e -> e.details()).noneMatch(d -> d.contains(secret));
        assertThat(store.actions().load(KeyRotation.runId("prod", "AKIACIBOT00000000001")).orElseThrow().state())
                .isEqualTo(RunState.COMPLETED);
    }

    @Test
    void refusesWhenTheUserAlreadyHasTwoKeysInactiveIncluded() throws Exception {
        assertThatThrownBy(() -> rotation.create("dana", "AKIADANAPROD00000001"))
                .isInstanceOf(ActionException.class)
                .hasMessageContaining("already has two access keys")
                .hasMessageContaining("AKIADANAPROD00000002 Inactive");
        assertThat(fx.prod.mutationCount("CreateAccessKey")).isZero();
        assertThat(store.entries()).anyMatch(e -> e.outcome().equals("refused"));
    }

    @Test
    void stepsRunOnlyInOrderAndAKeyOfAnotherUserIsRefused() throws Exception {
        assertThatThrownBy(() -> rotation.deactivate("ci-bot", "AKIACIBOT00000000001")).hasMessageContaining("create the new key first");
        assertThatThrownBy(() -> rotation.plan("ci-bot", "AKIADANAPROD00000001")).hasMessageContaining("does not belong");
        rotation.create("ci-bot", "AKIACIBOT00000000001");
        assertThatThrownBy(() -> rotation.delete("ci-bot", "AKIACIBOT00000000001")).hasMessageContaining("deactivate the old key first");
        assertThat(fx.prod.users.get("ci-bot").keys).containsEntry("AKIACIBOT00000000001", "Active");
    }

    @Test
    void rotationResumesAcrossProcessesFromTheJournal() throws Exception {
        rotation.create("ci-bot", "AKIACIBOT00000000001").wipe();
        KeyRotation later = rotation(); // a new process: only the journal remembers
        assertThat(later.deactivate("ci-bot", "AKIACIBOT00000000001").state()).isEqualTo(StepState.DONE);
        assertThat(later.deactivate("ci-bot", "AKIACIBOT00000000001").state()).isEqualTo(StepState.SKIPPED);
        assertThat(fx.prod.mutationCount("UpdateAccessKey")).isEqualTo(1);
    }
}
