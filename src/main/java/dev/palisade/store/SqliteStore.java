package dev.palisade.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.palisade.core.Finding;
import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.inventory.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;

/**
 * The SQLite store ({@code palisade.db}): snapshots, findings, inventory, triage and the audit log.
 * The only JDBC code in Palisade.
 *
 * <p>Safety on open: the file is first opened read-only and inspected ({@code PRAGMA quick_check},
 * {@code application_id}, {@code user_version}, its tables). A file that is not a SQLite database,
 * is corrupt, belongs to another application or has a schema newer than this build is refused with
 * a {@link StoreException} and is never written to — not even a journal or a migration. Only then
 * is it opened for writing (WAL, foreign keys, busy timeout) and migrated.
 *
 * <p>Encryption seam: snapshot inventory, finding bodies, triage notes and audit details pass
 * through the {@link PayloadCodec}, and so do the sources' status and errors (they name hosts and
 * buckets). Metadata columns (ids, times, counts by status and severity) stay plain so that
 * {@link #list()} never decodes a finding or the inventory.
 *
 * <p>Thread-safe: one connection, every operation synchronized on the store.
 */
public final class SqliteStore implements SnapshotRepository, TriageRepository, AuditRepository, AutoCloseable {
    /** {@code PRAGMA application_id}: "PLSD". */
    public static final int APPLICATION_ID = 0x504C5344;
    /** The schema version this build writes and understands. */
    public static final int SCHEMA_VERSION = 2;
    public static final String FILE_NAME = "palisade.db";
    static final String GENESIS_HASH = "0".repeat(64);

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final int BUSY_TIMEOUT_MS = 5000;
    private static final TypeReference<List<SourceStatus>> SOURCES = new TypeReference<>() { };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    /** Built on the first save, not when the store opens: a console that only reads never needs the serializers. */
    private static final class FindingsWriter {
        static final com.fasterxml.jackson.databind.ObjectWriter INSTANCE = SnapshotJson.mapper().writerFor(FINDINGS);
    }
    private static final com.fasterxml.jackson.databind.ObjectReader FINDINGS_READER = SnapshotJson.mapper().readerFor(FINDINGS);
    /** Findings are stored sealed in chunks: one payload per finding costs ~3x more to write and read. */
    static final int FINDINGS_PER_CHUNK = 2000;

    /** Migration i brings the schema from version i to i+1. Append only; never edit a shipped one. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
        """
        CREATE TABLE snapshots (
          id TEXT PRIMARY KEY,
          organization TEXT NOT NULL,
          schema TEXT NOT NULL,
          started_at TEXT NOT NULL,
          finished_at TEXT NOT NULL,
          started_ms INTEGER NOT NULL,
          pass INTEGER NOT NULL, fail INTEGER NOT NULL, error INTEGER NOT NULL, muted INTEGER NOT NULL,
          fail_critical INTEGER NOT NULL, fail_high INTEGER NOT NULL, fail_medium INTEGER NOT NULL,
          fail_low INTEGER NOT NULL, fail_info INTEGER NOT NULL,
          sources TEXT NOT NULL)""",
        "CREATE INDEX snapshots_by_time ON snapshots (started_ms DESC, id DESC)",
        """
        CREATE TABLE findings (
          snapshot_id TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
          chunk INTEGER NOT NULL,
          count INTEGER NOT NULL,
          body BLOB NOT NULL,
          PRIMARY KEY (snapshot_id, chunk))""",
        """
        CREATE TABLE inventory (
          snapshot_id TEXT PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
          payload BLOB NOT NULL)""",
        """
        CREATE TABLE triage (
          check_id TEXT NOT NULL,
          resource_id TEXT NOT NULL,
          muted_until TEXT,
          note BLOB,
          owner TEXT,
          updated_by TEXT,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (check_id, resource_id))""",
        """
        CREATE TABLE audit (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          target TEXT,
          outcome TEXT NOT NULL,
          details BLOB,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL)""",
        """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""),
        // v2: the action journal (offboarding and key-rotation runs and their steps)
        SqliteActionJournal.DDL);

    private final Path file;
    private final PayloadCodec codec;
    private final Clock clock;
    private final Connection conn;
    private AuditAnchor anchor = AuditAnchor.NONE;

    private SqliteStore(Path file, PayloadCodec codec, Clock clock, Connection conn) {
        this.file = file;
        this.codec = codec;
        this.clock = clock;
        this.conn = conn;
    }

    /** Opens (creating and migrating when needed) the store at {@code file}. */
    public static SqliteStore open(Path file, PayloadCodec codec) {
        return open(file, codec, Clock.systemUTC());
    }

    public static SqliteStore open(Path file, PayloadCodec codec, Clock clock) {
        Path abs = file.toAbsolutePath();
        try {
            if (Files.exists(abs) && Files.size(abs) > 0) {
                inspect(abs);
            } else if (Files.notExists(abs)) {
                Path dir = abs.getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot use " + abs + ": " + e.getMessage()
                    + ". Check that the directory exists and is writable, or choose another one with --home.", e);
        }
        Connection c = null;
        try {
            c = connect(abs, false);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA synchronous = NORMAL");
            }
            SqliteStore store = new SqliteStore(abs, codec, clock, c);
            store.migrate();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("Cannot open " + abs + " for writing: " + e.getMessage()
                    + ". Check the file's permissions and that no other program holds it.", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        return connect(file, readOnly, false);
    }

    /**
     * @param immutable open with {@code immutable=1}: no locking and no {@code -wal}/{@code -shm}
     *                  files, which even a read-only open of a WAL database would otherwise create
     */
    private static Connection connect(Path file, boolean readOnly, boolean immutable) throws SQLException {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("open_mode", String.valueOf(0x01 | 0x40)); // SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        }
        p.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
        String name = immutable ? file.toUri() + "?immutable=1" : file.toString();
        return DriverManager.getConnection("jdbc:sqlite:" + name, p);
    }

    /** The first 100 bytes of the file (the SQLite header), read without SQLite. */
    private static byte[] header(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(100);
        }
    }

    /** Read-only inspection: throws a StoreException for anything this build must not write to. */
    private static void inspect(Path file) {
        String whatToDo = " Palisade has not changed it. Move it aside (or restore a backup) to start a fresh store,"
                + " or choose another data directory with --home.";
        byte[] header;
        try {
            header = header(file);
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + " (" + e.getMessage() + "); check its permissions.", e);
        }
        // Decided from the header alone, before SQLite opens the file at all.
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        if (header.length < 100 || !java.util.Arrays.equals(header, 0, 16, magic, 0, 16)) {
            throw new StoreException(file + " is not a SQLite database (perhaps another file was saved under"
                    + " this name)." + whatToDo);
        }
        int headerVersion = java.nio.ByteBuffer.wrap(header, 60, 4).getInt();
        int headerAppId = java.nio.ByteBuffer.wrap(header, 68, 4).getInt();
        if (headerAppId != APPLICATION_ID && headerAppId != 0) {
            throw new StoreException(file + " is a SQLite database of another application, not a Palisade store."
                    + whatToDo);
        }
        if (headerAppId == APPLICATION_ID && headerVersion > SCHEMA_VERSION) {
            throw new StoreException(file + " was written by a newer Palisade (store schema version " + headerVersion
                    + "; this build understands up to " + SCHEMA_VERSION + "). Palisade has not changed it."
                    + " Install the newer Palisade release, or choose another data directory with --home.");
        }
        // A store in use (or not closed cleanly) already has its -wal/-shm files: read it normally so
        // that its latest commits are seen. Otherwise read it immutable, which creates no file at all.
        boolean inUse = Files.exists(Path.of(file + "-wal")) || Files.exists(Path.of(file + "-shm"));
        try (Connection c = connect(file, true, !inUse); Statement st = c.createStatement()) {
            int appId;
            int version;
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                List<String> problems = new ArrayList<>();
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
                if (!(problems.size() == 1 && "ok".equals(problems.get(0)))) {
                    throw new StoreException(file + " is damaged (integrity check: "
                            + String.join("; ", problems.subList(0, Math.min(3, problems.size()))) + ")." + whatToDo);
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (appId != APPLICATION_ID && !(appId == 0 && version == 0 && tables.isEmpty())) {
                throw new StoreException(file + " is a SQLite database of another application, not a Palisade store."
                        + whatToDo);
            }
            if (version > SCHEMA_VERSION) {
                throw new StoreException(file + " was written by a newer Palisade (store schema version " + version
                        + "; this build understands up to " + SCHEMA_VERSION + "). Palisade has not changed it."
                        + " Install the newer Palisade release, or choose another data directory with --home.");
            }
        } catch (SQLException e) {
            SQLiteErrorCode code = e instanceof org.sqlite.SQLiteException se ? se.getResultCode() : null;
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                throw new StoreException(file + " is not a SQLite database (perhaps another file was saved under"
                        + " this name)." + whatToDo, e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || (code != null && code.name().startsWith("SQLITE_CORRUPT"))) {
                throw new StoreException(file + " is damaged (" + e.getMessage() + ")." + whatToDo, e);
            }
            if (code != null && code.name().startsWith("SQLITE_BUSY")) {
                throw new StoreException(file + " is locked by another program (is Palisade already running?)."
                        + " Close it and try again.", e);
            }
            throw new StoreException("Cannot read " + file + ": " + e.getMessage() + "." + whatToDo, e);
        }
    }

    private void migrate() throws SQLException {
        int version = pragmaInt("user_version");
        if (version > SCHEMA_VERSION) { // raced with a newer build between inspect and open
            throw new StoreException(file + " was written by a newer Palisade (store schema version " + version
                    + "). Install the newer release, or choose another data directory with --home.");
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
                st.execute("PRAGMA user_version = " + (v + 1));
                conn.commit();
                LOG.debug("Store {} migrated to schema version {}", file.getFileName(), v + 1);
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }

    /** The schema version of the open store. */
    public synchronized int schemaVersion() {
        try {
            return pragmaInt("user_version");
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    private int pragmaInt(String pragma) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    // ------------------------------------------------------------------ snapshots

    @Override
    public synchronized void save(Snapshot s) {
        int[] bySeverity = new int[Severity.values().length];
        int[] byStatus = new int[Status.values().length];
        for (Finding f : s.findings()) {
            byStatus[f.status().ordinal()]++;
            if (f.status() == Status.FAIL) {
                bySeverity[f.severity().ordinal()]++;
            }
        }
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO snapshots (id, organization, schema,"
                    + " started_at, finished_at, started_ms, pass, fail, error, muted, fail_critical, fail_high,"
                    + " fail_medium, fail_low, fail_info, sources) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setString(i++, s.id());
                ps.setString(i++, s.organization());
                ps.setString(i++, s.schema());
                ps.setString(i++, s.startedAt().toString());
                ps.setString(i++, s.finishedAt().toString());
                ps.setLong(i++, s.startedAt().toEpochMilli());
                ps.setInt(i++, byStatus[Status.PASS.ordinal()]);
                ps.setInt(i++, byStatus[Status.FAIL.ordinal()]);
                ps.setInt(i++, byStatus[Status.ERROR.ordinal()]);
                ps.setInt(i++, byStatus[Status.MUTED.ordinal()]);
                for (int sev = 0; sev < 5; sev++) {
                    ps.setInt(i++, bySeverity[sev]);
                }
                // Source errors name hosts and buckets: sealed like the payloads (base64 in the TEXT column).
                ps.setString(i, java.util.Base64.getEncoder().encodeToString(codec.seal(SnapshotJson.toBytes(s.sources()))));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO findings (snapshot_id, chunk, count, body)"
                    + " VALUES (?,?,?,?)")) {
                List<Finding> all = s.findings();
                for (int from = 0, chunk = 0; from < all.size(); from += FINDINGS_PER_CHUNK, chunk++) {
                    List<Finding> part = all.subList(from, Math.min(all.size(), from + FINDINGS_PER_CHUNK));
                    ps.setString(1, s.id());
                    ps.setInt(2, chunk);
                    ps.setInt(3, part.size());
                    ps.setBytes(4, codec.seal(FindingsWriter.INSTANCE.writeValueAsBytes(part)));
                    ps.executeUpdate();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new StoreException("Snapshot " + s.id() + " cannot be serialised: " + e.getOriginalMessage(), e);
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO inventory (snapshot_id, payload) VALUES (?,?)")) {
                ps.setString(1, s.id());
                ps.setBytes(2, codec.seal(SnapshotJson.toBytes(s.inventory())));
                ps.executeUpdate();
            }
            conn.commit();
        } catch (SQLException e) {
            rollback();
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw new StoreException("A snapshot with id " + s.id() + " is already stored.", e);
            }
            throw failure("save snapshot " + s.id(), e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized Optional<Snapshot> load(String id) {
        try {
            Snapshot head = null;
            try (PreparedStatement ps = conn.prepareStatement("SELECT schema, organization, started_at, finished_at,"
                    + " sources FROM snapshots WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    head = new Snapshot(rs.getString(1), id, rs.getString(2), Instant.parse(rs.getString(3)),
                            Instant.parse(rs.getString(4)), sources(rs.getString(5)), List.of(), null);
                }
            }
            List<Finding> findings = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT body FROM findings WHERE snapshot_id = ? ORDER BY chunk")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        findings.addAll(FINDINGS_READER.<List<Finding>>readValue(open(rs.getBytes(1), id)));
                    }
                }
            } catch (IOException e) {
                throw new StoreException("Snapshot " + id + " has unreadable findings (" + e.getMessage()
                        + "). The store may be damaged; restore a backup.", e);
            }
            Inventory inventory = null;
            try (PreparedStatement ps = conn.prepareStatement("SELECT payload FROM inventory WHERE snapshot_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        inventory = SnapshotJson.fromBytes(open(rs.getBytes(1), id), Inventory.class);
                    }
                }
            }
            return Optional.of(new Snapshot(head.schema(), id, head.organization(), head.startedAt(), head.finishedAt(),
                    head.sources(), findings, inventory));
        } catch (SQLException e) {
            throw failure("load snapshot " + id, e);
        }
    }

    private byte[] open(byte[] sealed, String id) {
        try {
            return codec.open(sealed);
        } catch (IllegalStateException e) {
            throw new StoreException("Snapshot " + id + " cannot be decrypted with this key (" + e.getMessage()
                    + "). Use the key the store was written with.", e);
        }
    }

    @Override
    public synchronized List<SnapshotSummary> list() {
        List<SnapshotSummary> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id, organization, started_at,"
                + " finished_at, pass, fail, error, muted, fail_critical, fail_high, fail_medium, fail_low, fail_info,"
                + " sources FROM snapshots ORDER BY started_ms DESC, id DESC")) {
            while (rs.next()) {
                int[] sev = new int[5];
                for (int i = 0; i < 5; i++) {
                    sev[i] = rs.getInt(9 + i);
                }
                out.add(new SnapshotSummary(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        Instant.parse(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), sev,
                        sources(rs.getString(14))));
            }
            return out;
        } catch (SQLException e) {
            throw failure("list snapshots", e);
        }
    }

    /** Deletes a snapshot with its findings and inventory; false when there was none. */
    public synchronized boolean delete(String id) {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM snapshots WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete snapshot " + id, e);
        }
    }

    private List<SourceStatus> sources(String sealed) {
        try {
            byte[] json;
            try {
                json = codec.open(java.util.Base64.getDecoder().decode(sealed));
            } catch (RuntimeException e) {
                throw new StoreException("A snapshot cannot be decrypted with this data directory's key (" + e.getMessage()
                        + "); open it with the passphrase or keychain it was written with.", e);
            }
            return SnapshotJson.mapper().readValue(json, SOURCES);
        } catch (IOException e) {
            throw new StoreException("A snapshot's source list is unreadable: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ triage

    @Override
    public synchronized Map<String, Triage> allTriage() {
        Map<String, Triage> out = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT check_id, resource_id,"
                + " muted_until, note, owner, updated_by, updated_at FROM triage ORDER BY check_id, resource_id")) {
            while (rs.next()) {
                byte[] note = rs.getBytes(4);
                String until = rs.getString(3);
                Triage t = new Triage(rs.getString(1), rs.getString(2), until == null ? null : Instant.parse(until),
                        note == null ? null : new String(codec.open(note), StandardCharsets.UTF_8), rs.getString(5),
                        rs.getString(6), Instant.parse(rs.getString(7)));
                out.put(CheckEngine.triageKey(t.check(), t.resourceId()), t);
            }
            return out;
        } catch (SQLException e) {
            throw failure("read triage", e);
        }
    }

    @Override
    public synchronized void putTriage(Triage t) {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO triage (check_id, resource_id, muted_until,"
                + " note, owner, updated_by, updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (check_id, resource_id)"
                + " DO UPDATE SET muted_until = excluded.muted_until, note = excluded.note, owner = excluded.owner,"
                + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")) {
            ps.setString(1, t.check());
            ps.setString(2, t.resourceId());
            ps.setString(3, t.mutedUntil() == null ? null : t.mutedUntil().toString());
            ps.setBytes(4, t.note() == null ? null : codec.seal(t.note().getBytes(StandardCharsets.UTF_8)));
            ps.setString(5, t.owner());
            ps.setString(6, t.updatedBy());
            ps.setString(7, (t.updatedAt() == null ? clock.instant() : t.updatedAt()).toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("store triage for " + t.check() + " on " + t.resourceId(), e);
        }
    }

    @Override
    public synchronized void clearTriage(String check, String resourceId) {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM triage WHERE check_id = ? AND resource_id = ?")) {
            ps.setString(1, check);
            ps.setString(2, resourceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("clear triage for " + check + " on " + resourceId, e);
        }
    }

    // ------------------------------------------------------------------ audit

    /**
     * Keeps a copy of the audit log's head in {@code anchor} from now on, and compares the log with
     * the copy kept so far: see {@link AuditAnchor}.
     */
    public synchronized void anchorAuditLog(AuditAnchor anchor) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    @Override
    public synchronized AuditEntry append(String actor, String action, String target, String outcome, String details) {
        AuditEntry e;
        try {
            conn.setAutoCommit(false);
            long seq = 1;
            String prev = GENESIS_HASH;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
            }
            Optional<String> gap = anchorGap(seq - 1, prev);
            if (gap.isPresent()) {
                // The evidence goes into the chain itself before the anchor moves on.
                AuditEntry g = insertAudit(seq, "palisade", "audit.gap", null, "FAIL", gap.get(), prev);
                seq = g.seq() + 1;
                prev = g.hash();
            }
            e = insertAudit(seq, actor, action, target, outcome, details, prev);
            conn.commit();
        } catch (SQLException ex) {
            rollback();
            throw failure("append to the audit log", ex);
        } finally {
            autoCommit();
        }
        try {
            anchor.write(e.seq() + " " + e.hash());
        } catch (RuntimeException ex) {
            LOG.warn("Could not keep the audit log's head with the secrets ({}); the log itself is intact", ex.getMessage());
        }
        return e;
    }

    /** Inserts one entry and moves the head recorded in {@code meta}; the caller commits. */
    private AuditEntry insertAudit(long seq, String actor, String action, String target, String outcome, String details,
                                   String prev) throws SQLException {
        Instant at = clock.instant();
        AuditEntry e = new AuditEntry(seq, at, actor, action, target, outcome, details, prev,
                hash(seq, at, actor, action, target, outcome, details, prev));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit (seq, at, actor, action, target,"
                + " outcome, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setString(2, at.toString());
            ps.setString(3, sealText(actor));
            ps.setString(4, action);
            ps.setString(5, sealText(target));
            ps.setString(6, outcome);
            ps.setBytes(7, details == null ? null : codec.seal(details.getBytes(StandardCharsets.UTF_8)));
            ps.setString(8, prev);
            ps.setString(9, e.hash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, seq + " " + e.hash());
            ps.executeUpdate();
        }
        return e;
    }

    /**
     * What the anchor says that the log ({@code lastSeq}, {@code lastHash}) does not: a later entry,
     * or another entry at the same place. Empty when they agree or there is no anchor.
     */
    private Optional<String> anchorGap(long lastSeq, String lastHash) throws SQLException {
        Optional<String> kept;
        try {
            kept = anchor.read();
        } catch (RuntimeException ex) {
            LOG.warn("Could not read the audit log's head kept with the secrets ({})", ex.getMessage());
            return Optional.empty();
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = kept.get().split(" ");
        long seq;
        try {
            seq = Long.parseLong(parts[0]);
        } catch (NumberFormatException ex) {
            return Optional.of("The audit log's head kept with the secrets is unreadable (" + kept.get() + ").");
        }
        String hash = parts.length > 1 ? parts[1] : "";
        if (seq > lastSeq) {
            return Optional.of("The audit log ends at entry #" + lastSeq + ", but entry #" + seq + " had been written"
                    + " (its head is kept with the secrets): entries were removed, or the database was replaced by an"
                    + " older copy.");
        }
        String atSeq = seq == lastSeq ? lastHash : null;
        if (atSeq == null) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    atSeq = rs.next() ? rs.getString(1) : "";
                }
            }
        }
        if (!hash.equals(atSeq)) {
            return Optional.of("Audit entry #" + seq + " is not the one that was written (its hash is kept with the"
                    + " secrets): the log was rewritten from there, or the database was replaced.");
        }
        return Optional.empty();
    }

    /** Actors and targets are emails, key ids and hosts: sealed (base64 in the TEXT column) like the details. */
    private String sealText(String plain) {
        return plain == null ? null : java.util.Base64.getEncoder().encodeToString(codec.seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private String openText(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(codec.open(java.util.Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
        } catch (RuntimeException ex) {
            return "\u0000undecodable"; // tampered or foreign ciphertext: the hash check flags it
        }
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        List<AuditEntry> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, at, actor, action,"
                + " target, outcome, details, prev_hash, hash FROM audit ORDER BY seq")) {
            while (rs.next()) {
                byte[] d = rs.getBytes(7);
                String details;
                try {
                    details = d == null ? null : new String(codec.open(d), StandardCharsets.UTF_8);
                } catch (IllegalStateException ex) {
                    details = "\u0000undecodable"; // tampered or foreign ciphertext: the hash check flags it
                }
                Instant at;
                try {
                    at = Instant.parse(rs.getString(2));
                } catch (RuntimeException ex) {
                    at = Instant.EPOCH;
                }
                out.add(new AuditEntry(rs.getLong(1), at, openText(rs.getString(3)), rs.getString(4), openText(rs.getString(5)),
                        rs.getString(6), details, rs.getString(8), rs.getString(9)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the audit log", e);
        }
    }

    /**
     * Walks the chain: each entry's hash must match its fields and the previous entry's hash, and the
     * sequence must have no gaps. A deleted tail is detected against the head recorded in
     * {@code meta} (then the last remaining entry is returned; a synthetic entry if none remain).
     */
    @Override
    public synchronized Optional<AuditEntry> firstBroken() {
        List<AuditEntry> all = entries();
        String prev = GENESIS_HASH;
        long expectedSeq = 1;
        for (AuditEntry e : all) {
            String h = hash(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.outcome(), e.details(), e.prevHash());
            if (e.seq() != expectedSeq || !e.prevHash().equals(prev) || !h.equals(e.hash())) {
                return Optional.of(e);
            }
            prev = e.hash();
            expectedSeq++;
        }
        String head = meta("audit_head");
        if (head != null) {
            String[] parts = head.split(" ");
            long headSeq = Long.parseLong(parts[0]);
            if (headSeq != expectedSeq - 1 || !parts[1].equals(prev)) {
                return Optional.of(all.isEmpty()
                        ? new AuditEntry(headSeq, Instant.EPOCH, "", "(missing)", null, "", null, GENESIS_HASH, parts[1])
                        : all.get(all.size() - 1));
            }
        }
        try {
            Optional<String> gap = anchorGap(expectedSeq - 1, prev);
            if (gap.isPresent()) {
                return Optional.of(all.isEmpty()
                        ? new AuditEntry(1, Instant.EPOCH, "", "(missing)", null, "", gap.get(), GENESIS_HASH, "")
                        : all.get(all.size() - 1));
            }
        } catch (SQLException e) {
            throw failure("read the audit log", e);
        }
        return Optional.empty();
    }

    private String meta(String key) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read store metadata", e);
        }
    }

    /** SHA-256 over the previous hash and the canonical, length-prefixed fields. */
    static String hash(long seq, Instant at, String actor, String action, String target, String outcome,
                       String details, String prevHash) {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] {prevHash, Long.toString(seq), at.toString(), actor, action, target, outcome, details}) {
            if (f == null) {
                b.append("-1:");
            } else {
                b.append(f.length()).append(':').append(f);
            }
            b.append('\n');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " in " + file + ": " + e.getMessage(), e);
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void autoCommit() {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not restore auto-commit on {}", file.getFileName(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }

    private SqliteActionJournal actions;

    /** The journal of action runs (offboarding, key rotation), in this database. */
    public synchronized SqliteActionJournal actions() {
        if (actions == null) {
            actions = new SqliteActionJournal(conn, this);
        }
        return actions;
    }

    @Override
    public synchronized void close() {
        try {
            if (!conn.isClosed()) {
                try (Statement st = conn.createStatement()) {
                    st.execute("PRAGMA optimize");
                } catch (SQLException ignored) {
                    // best effort
                }
                conn.close();
            }
        } catch (SQLException e) {
            LOG.warn("Closing {} failed: {}", file.getFileName(), e.getMessage());
        }
    }
}
