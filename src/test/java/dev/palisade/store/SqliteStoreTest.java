package dev.palisade.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.check.CheckEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("palisade.db");
    }

    private SqliteStore open() {
        return SqliteStore.open(db(), PayloadCodec.PLAIN, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void createsAndMigratesANewStoreWithWalAndForeignKeys() throws Exception {
        try (SqliteStore s = open()) {
            assertThat(s.schemaVersion()).isEqualTo(SqliteStore.SCHEMA_VERSION);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            assertThat(scalar(st, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(scalar(st, "PRAGMA application_id")).isEqualTo(String.valueOf(SqliteStore.APPLICATION_ID));
            assertThat(scalar(st, "PRAGMA user_version")).isEqualTo(String.valueOf(SqliteStore.SCHEMA_VERSION));
            assertThat(scalar(st, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)"))
                    .isEqualTo("action_runs,action_steps,audit,findings,inventory,meta,snapshots,triage");
        }
        // reopening an up-to-date store runs no migration and keeps data
        try (SqliteStore s = open()) {
            s.save(StoreFixtures.snapshot("a", T0, 3));
        }
        try (SqliteStore s = open()) {
            assertThat(s.list()).extracting(SnapshotSummary::id).containsExactly("a");
        }
    }

    @Test
    void migratesAVersionOneStoreToTheCurrentSchemaKeepingItsData() throws Exception {
        Snapshot snap = StoreFixtures.snapshot("v1", T0, 5);
        try (SqliteStore s = open()) {
            s.save(snap);
            s.append("dana", "scan", "v1", "OK", null);
        }
        // turn it back into what a version-1 build left behind
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute("DROP TABLE action_steps");
            st.execute("DROP TABLE action_runs");
            st.execute("PRAGMA user_version = 1");
        }
        try (SqliteStore s = open()) {
            assertThat(s.schemaVersion()).isEqualTo(SqliteStore.SCHEMA_VERSION);
            assertThat(s.load("v1")).contains(snap);
            assertThat(s.firstBroken()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            assertThat(scalar(st, "SELECT count(*) FROM sqlite_master WHERE name IN ('action_runs', 'action_steps')")).isEqualTo("2");
        }
    }

    @Test
    void createsTheDataDirectoryWhenMissing() {
        Path nested = dir.resolve("x/y/palisade.db");
        try (SqliteStore s = SqliteStore.open(nested, PayloadCodec.PLAIN)) {
            assertThat(s.list()).isEmpty();
        }
        assertThat(nested).exists();
    }

    @Test
    void roundTripsASnapshotWithFindingsAndInventory() {
        Snapshot snap = StoreFixtures.snapshot("20261122-090000-ab12", T0, 25);
        try (SqliteStore s = open()) {
            s.save(snap);
            Snapshot back = s.load(snap.id()).orElseThrow();
            assertThat(back).isEqualTo(snap);
            assertThat(back.inventory().aws().get(0).buckets().value().get(0).policy().error())
                    .isEqualTo("s3:GetBucketPolicy denied for acme-logs");
            assertThat(s.load("nope")).isEmpty();
        }
    }

    @Test
    void roundTripsFindingsAcrossSeveralChunksInOrder() {
        Snapshot snap = StoreFixtures.snapshot("big", T0, SqliteStore.FINDINGS_PER_CHUNK * 2 + 17);
        try (SqliteStore s = open()) {
            s.save(snap);
            assertThat(s.load("big").orElseThrow().findings()).containsExactlyElementsOf(snap.findings());
        }
    }

    @Test
    void listsNewestFirstWithCountsFromMetadataDecodingOnlyTheSourceLists() {
        AtomicInteger opened = new AtomicInteger();
        PayloadCodec counting = new PayloadCodec() {
            @Override
            public byte[] seal(byte[] plain) {
                return PayloadCodec.PLAIN.seal(plain);
            }

            @Override
            public byte[] open(byte[] sealed) {
                opened.incrementAndGet();
                return PayloadCodec.PLAIN.open(sealed);
            }
        };
        try (SqliteStore s = SqliteStore.open(db(), counting)) {
            s.save(StoreFixtures.snapshot("old", T0, 8));
            s.save(StoreFixtures.snapshot("new", T0.plusSeconds(3600), 10));
            List<SnapshotSummary> list = s.list();
            // only each snapshot's small sealed source list is opened, never a finding or the inventory
            assertThat(opened).hasValue(2);
            assertThat(list).extracting(SnapshotSummary::id).containsExactly("new", "old");
            SnapshotSummary n = list.get(0);
            // statuses cycle PASS, FAIL, ERROR, MUTED over 10 findings: 3 PASS, 3 FAIL, 2 ERROR, 2 MUTED
            assertThat(new int[] {n.pass(), n.fail(), n.error(), n.muted()}).containsExactly(3, 3, 2, 2);
            // FAIL findings are i = 1, 5, 9 → severities HIGH, CRITICAL, INFO
            assertThat(n.failBySeverity()).containsExactly(1, 1, 0, 0, 1);
            assertThat(n.sources()).extracting(x -> x.status()).containsExactly(SourceState.OK, SourceState.PARTIAL);
            assertThat(s.latest()).map(SnapshotSummary::id).contains("new");
        }
    }

    @Test
    void payloadsGoThroughTheCodecSoTheyCanBeEncryptedAtRest() throws Exception {
        PayloadCodec xor = new PayloadCodec() {
            @Override
            public byte[] seal(byte[] plain) {
                byte[] out = plain.clone();
                for (int i = 0; i < out.length; i++) {
                    out[i] ^= 0x5A;
                }
                return out;
            }

            @Override
            public byte[] open(byte[] sealed) {
                return seal(sealed);
            }
        };
        Snapshot snap = StoreFixtures.snapshot("enc", T0, 5);
        try (SqliteStore s = SqliteStore.open(db(), xor)) {
            s.save(snap);
            s.putTriage(new Triage("c", "r", null, "secret-ish note", "dana", "dana", T0));
            s.append("dana", "scan", "enc", "OK", "details text");
            assertThat(s.load("enc")).contains(snap);
            assertThat(s.allTriage().values()).extracting(Triage::note).containsExactly("secret-ish note");
            assertThat(s.entries()).extracting(AuditEntry::details).containsExactly("details text");
            assertThat(s.firstBroken()).isEmpty();
        }
        // the plaintext of payloads is nowhere in the file
        String raw = new String(Files.readAllBytes(db()), StandardCharsets.ISO_8859_1)
                + (Files.exists(dir.resolve("palisade.db-wal")) ? new String(Files.readAllBytes(dir.resolve("palisade.db-wal")), StandardCharsets.ISO_8859_1) : "");
        assertThat(raw).doesNotContain("acme-bucket-1").doesNotContain("123456789012").doesNotContain("secret-ish note")
                .doesNotContain("details text");
        // a wrong key gives a clear StoreException
        try (SqliteStore s = SqliteStore.open(db(), new PayloadCodec() {
            @Override
            public byte[] seal(byte[] plain) {
                return plain;
            }

            @Override
            public byte[] open(byte[] sealed) {
                throw new IllegalStateException("authentication tag mismatch");
            }
        })) {
            assertThatThrownBy(() -> s.load("enc")).isInstanceOf(StoreException.class).hasMessageContaining("cannot be decrypted");
        }
    }

    @Test
    void refusesADuplicateSnapshotIdAndKeepsTheFirst() {
        try (SqliteStore s = open()) {
            s.save(StoreFixtures.snapshot("dup", T0, 2));
            assertThatThrownBy(() -> s.save(StoreFixtures.snapshot("dup", T0, 7))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already stored");
            assertThat(s.load("dup").orElseThrow().findings()).hasSize(2);
        }
    }

    @Test
    void deleteCascadesToFindingsAndInventory() throws Exception {
        try (SqliteStore s = open()) {
            s.save(StoreFixtures.snapshot("gone", T0, 4));
            assertThat(s.delete("gone")).isTrue();
            assertThat(s.load("gone")).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            assertThat(scalar(st, "SELECT count(*) FROM findings")).isEqualTo("0");
            assertThat(scalar(st, "SELECT count(*) FROM inventory")).isEqualTo("0");
        }
    }

    @Test
    void refusesARandomFileAndLeavesItByteIdentical() throws Exception {
        byte[] junk = new byte[8192];
        new Random(7).nextBytes(junk);
        Files.write(db(), junk);
        assertRefusedUntouched("not a SQLite database");
    }

    @Test
    void refusesATextFileSavedUnderTheName() throws Exception {
        Files.writeString(db(), "organization: Acme\n".repeat(200));
        assertRefusedUntouched("not a SQLite database");
    }

    @Test
    void refusesAForeignSqliteDatabaseAndLeavesItByteIdentical() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
            st.execute("INSERT INTO photos (path) VALUES ('a.jpg')");
        }
        assertRefusedUntouched("another application");
    }

    @Test
    void refusesANewerSchemaAndLeavesItByteIdentical() throws Exception {
        try (SqliteStore s = open()) {
            s.save(StoreFixtures.snapshot("x", T0, 3));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (SqliteStore.SCHEMA_VERSION + 1));
            st.execute("PRAGMA journal_mode = DELETE");
        }
        assertRefusedUntouched("newer Palisade");
    }

    @Test
    void refusesANewerSchemaInWalModeWithoutCreatingSideFiles() throws Exception {
        try (SqliteStore s = open()) {
            s.save(StoreFixtures.snapshot("x", T0, 3));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (SqliteStore.SCHEMA_VERSION + 1));
            assertThat(scalar(st, "PRAGMA journal_mode")).isEqualTo("wal");
        }
        assertThat(dir.resolve("palisade.db-wal")).doesNotExist();
        assertRefusedUntouched("newer Palisade");
    }

    @Test
    void refusesACorruptPalisadeStoreAndLeavesItByteIdentical() throws Exception {
        try (SqliteStore s = open()) {
            for (int i = 0; i < 40; i++) {
                s.save(StoreFixtures.snapshot("s" + i, T0.plusSeconds(i), 50));
            }
        }
        assertThat(dir.resolve("palisade.db-wal")).as("closed cleanly, still in WAL mode").doesNotExist();
        byte[] bytes = Files.readAllBytes(db());
        assertThat(bytes.length).isGreaterThan(16 * 4096);
        // overwrite a few pages in the middle of the file (b-tree pages of the findings table)
        Random r = new Random(3);
        for (int i = 4 * 4096; i < 12 * 4096; i++) {
            bytes[i] = (byte) r.nextInt();
        }
        Files.write(db(), bytes);
        assertRefusedUntouched("damaged");
    }

    private void assertRefusedUntouched(String expected) throws Exception {
        byte[] before = Files.readAllBytes(db());
        List<String> filesBefore = listing();
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class).hasMessageContaining(expected)
                .hasMessageContaining(db().getFileName().toString()).hasMessageContaining("not changed");
        assertThat(Files.readAllBytes(db())).isEqualTo(before);
        assertThat(listing()).as("no journal, WAL or shm file created").isEqualTo(filesBefore);
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void triagePutUpdateAndClear() {
        try (SqliteStore s = open()) {
            Instant until = T0.plusSeconds(86400 * 30);
            s.putTriage(new Triage("s3.bucket.versioning", "arn:aws:s3:::a", until, "accepted for now", null, "dana", T0));
            s.putTriage(new Triage("iam.key.rotation", "AKIA1", null, null, "sam", "dana", null));
            assertThat(s.allTriage()).containsOnlyKeys(CheckEngine.triageKey("s3.bucket.versioning", "arn:aws:s3:::a"),
                    CheckEngine.triageKey("iam.key.rotation", "AKIA1"));
            Triage t = s.allTriage().get(CheckEngine.triageKey("s3.bucket.versioning", "arn:aws:s3:::a"));
            assertThat(t.mutedUntil()).isEqualTo(until);
            assertThat(t.note()).isEqualTo("accepted for now");
            assertThat(s.allTriage().get(CheckEngine.triageKey("iam.key.rotation", "AKIA1")).updatedAt()).isEqualTo(T0);
            s.putTriage(new Triage("s3.bucket.versioning", "arn:aws:s3:::a", null, "unmuted", "sam", "dana", T0));
            assertThat(s.allTriage()).hasSize(2);
            assertThat(s.allTriage().get(CheckEngine.triageKey("s3.bucket.versioning", "arn:aws:s3:::a")).mutedUntil()).isNull();
            s.clearTriage("s3.bucket.versioning", "arn:aws:s3:::a");
            assertThat(s.allTriage()).containsOnlyKeys(CheckEngine.triageKey("iam.key.rotation", "AKIA1"));
        }
    }

    @Test
    void auditChainVerifiesAndIsAppendOnly() throws Exception {
        try (SqliteStore s = open()) {
            AuditEntry a = s.append("dana@acme.example", "scan", "s1", "OK", "3 sources");
            AuditEntry b = s.append("dana@acme.example", "triage", "s3.bucket.versioning", "OK", null);
            assertThat(a.seq()).isEqualTo(1);
            assertThat(a.prevHash()).isEqualTo(SqliteStore.GENESIS_HASH);
            assertThat(b.prevHash()).isEqualTo(a.hash());
            assertThat(s.entries()).containsExactly(a, b);
            assertThat(s.firstBroken()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE audit SET outcome = 'FAILED'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("DELETE FROM audit")).hasMessageContaining("append-only");
        }
    }

    @Test
    void auditDetectsAnEditedRow() throws Exception {
        appendFive();
        tamper("UPDATE audit SET target = 'someone-else' WHERE seq = 3");
        try (SqliteStore s = open()) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(3L);
        }
    }

    @Test
    void auditDetectsAnEditedRowWhoseHashWasRecomputedByItsSuccessor() throws Exception {
        appendFive();
        AuditEntry e2;
        try (SqliteStore s = open()) {
            e2 = s.entries().get(1);
        }
        String forged = SqliteStore.hash(2, e2.at(), e2.actor(), "nothing", e2.target(), e2.outcome(), e2.details(), e2.prevHash());
        tamper("UPDATE audit SET action = 'nothing', hash = '" + forged + "' WHERE seq = 2");
        try (SqliteStore s = open()) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(3L);
        }
    }

    @Test
    void auditDetectsReorderedRows() throws Exception {
        appendFive();
        tamper("UPDATE audit SET seq = 100 WHERE seq = 2");
        tamper("UPDATE audit SET seq = 2 WHERE seq = 3");
        tamper("UPDATE audit SET seq = 3 WHERE seq = 100");
        try (SqliteStore s = open()) {
            assertThat(s.entries()).extracting(AuditEntry::target).containsExactly("s1", "s3", "s2", "s4", "s5");
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(2L);
        }
    }

    @Test
    void auditDetectsADeletedMiddleRowAndADeletedTail() throws Exception {
        appendFive();
        tamper("DELETE FROM audit WHERE seq = 2");
        try (SqliteStore s = open()) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(3L);
        }
        Files.delete(db());
        for (String f : new String[] {"palisade.db-wal", "palisade.db-shm"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        appendFive();
        tamper("DELETE FROM audit WHERE seq = 5");
        try (SqliteStore s = open()) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(4L);
        }
    }

    /** An anchor kept in memory, as the workspace keeps it with its secrets. */
    private static final class KeptHead implements AuditAnchor {
        String head;

        @Override
        public java.util.Optional<String> read() {
            return java.util.Optional.ofNullable(head);
        }

        @Override
        public void write(String h) {
            head = h;
        }
    }

    private SqliteStore openAnchored(AuditAnchor anchor) {
        SqliteStore s = open();
        s.anchorAuditLog(anchor);
        return s;
    }

    @Test
    void aTailCutShortWithItsRecordedHeadRewrittenIsCaughtOnlyByTheAnchorKeptOutside() throws Exception {
        KeptHead kept = new KeptHead();
        try (SqliteStore s = openAnchored(kept)) {
            for (int i = 1; i <= 5; i++) {
                s.append("dana", "scan", "s" + i, "OK", "entry " + i);
            }
            assertThat(kept.head).isEqualTo("5 " + s.entries().get(4).hash());
            assertThat(s.firstBroken()).isEmpty();
        }
        // someone who can write the file drops the last two entries and points the database's own head at #3
        String head3;
        try (SqliteStore s = open()) {
            head3 = "3 " + s.entries().get(2).hash();
        }
        tamper("DELETE FROM audit WHERE seq > 3");
        tamper("UPDATE meta SET value = '" + head3 + "' WHERE key = 'audit_head'");
        try (SqliteStore s = open()) {
            assertThat(s.firstBroken()).as("the database alone cannot tell").isEmpty();
        }
        try (SqliteStore s = openAnchored(kept)) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(3L);
            // the next entry is preceded by the evidence, in the chain, before the anchor moves on
            s.append("lisa", "scan", "s6", "OK", null);
            List<AuditEntry> all = s.entries();
            assertThat(all).extracting(AuditEntry::action).containsExactly("scan", "scan", "scan", "audit.gap", "scan");
            AuditEntry gap = all.get(3);
            assertThat(gap.outcome()).isEqualTo("FAIL");
            assertThat(gap.details()).contains("ends at entry #3").contains("entry #5 had been written");
            assertThat(s.firstBroken()).isEmpty();
            assertThat(kept.head).isEqualTo("5 " + all.get(4).hash());
        }
    }

    @Test
    void aDatabaseReplacedByAnOlderCopyIsCaughtByTheAnchor() throws Exception {
        KeptHead kept = new KeptHead();
        Path copy = dir.resolve("older.db");
        try (SqliteStore s = openAnchored(kept)) {
            s.append("dana", "scan", "s1", "OK", null);
            s.append("dana", "scan", "s2", "OK", null);
        }
        Files.copy(db(), copy);
        try (SqliteStore s = openAnchored(kept)) {
            s.append("dana", "offboard", "tom@acme.example", "OK", null);
        }
        Files.copy(copy, db(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (SqliteStore s = openAnchored(kept)) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(2L);
        }
        // a rewritten entry at the anchored place is caught as well
        kept.head = "2 " + "f".repeat(64);
        try (SqliteStore s = openAnchored(kept)) {
            assertThat(s.firstBroken()).map(AuditEntry::seq).contains(2L);
        }
    }

    @Test
    void anAnchorThatCannotBeWrittenNeverFailsTheAppend() {
        AuditAnchor broken = new AuditAnchor() {
            @Override
            public java.util.Optional<String> read() {
                return java.util.Optional.empty();
            }

            @Override
            public void write(String head) {
                throw new IllegalStateException("keychain locked");
            }
        };
        try (SqliteStore s = openAnchored(broken)) {
            assertThat(s.append("dana", "scan", "s1", "OK", null).seq()).isEqualTo(1L);
            assertThat(s.entries()).hasSize(1);
        }
    }

    private void appendFive() {
        try (SqliteStore s = open()) {
            for (int i = 1; i <= 5; i++) {
                s.append("dana", "scan", "s" + i, "OK", "entry " + i);
            }
            assertThat(s.firstBroken()).isEmpty();
        }
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER IF EXISTS audit_no_update");
            st.execute("DROP TRIGGER IF EXISTS audit_no_delete");
            st.execute(sql);
        }
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @SuppressWarnings("unused")
    private static String hex(byte[] b) {
        return Arrays.toString(b);
    }
}
