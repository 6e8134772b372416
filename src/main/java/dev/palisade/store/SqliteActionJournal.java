package dev.palisade.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.palisade.core.action.ActionJournal;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.RunState;
import dev.palisade.core.action.StepRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.Verification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The action journal in the Palisade database: one row per run (the plan as JSON, its state, its
 * verification) and one per step, written in its own transaction before and after each step so a
 * killed process resumes exactly where it stopped. Plans hold no secrets.
 */
public final class SqliteActionJournal implements ActionJournal {
    /** Schema, applied by the store's migration to version 2. */
    public static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS action_runs (
              run_id TEXT PRIMARY KEY,
              kind TEXT NOT NULL,
              subject TEXT NOT NULL,
              created_at TEXT NOT NULL,
              state TEXT NOT NULL,
              plan_json TEXT NOT NULL,
              verification_json TEXT
            )""",
            """
            CREATE TABLE IF NOT EXISTS action_steps (
              run_id TEXT NOT NULL REFERENCES action_runs(run_id) ON DELETE CASCADE,
              idx INTEGER NOT NULL,
              state TEXT NOT NULL,
              started_at TEXT,
              finished_at TEXT,
              message TEXT,
              PRIMARY KEY (run_id, idx)
            )""");

    /** Built when a run is first read or written, not when the store's migrations load this class. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private final Connection db;
    private final Object lock;

    /**
     * @param lock the monitor every user of {@code db} holds (the store passes itself), so the journal
     *             and the store never use the connection at the same time
     */
    SqliteActionJournal(Connection db, Object lock) {
        this.db = db;
        this.lock = lock;
    }

    @Override
    public void begin(ActionPlan plan) {
        tx(() -> {
            try (PreparedStatement run = db.prepareStatement(
                    "INSERT INTO action_runs(run_id, kind, subject, created_at, state, plan_json) VALUES (?,?,?,?,?,?)");
                 PreparedStatement step = db.prepareStatement(
                         "INSERT INTO action_steps(run_id, idx, state) VALUES (?,?,?)")) {
                run.setString(1, plan.runId());
                run.setString(2, plan.kind());
                run.setString(3, plan.subject());
                run.setString(4, plan.createdAt().toString());
                run.setString(5, RunState.RUNNING.name());
                run.setString(6, json(plan));
                run.executeUpdate();
                for (var s : plan.steps()) {
                    step.setString(1, plan.runId());
                    step.setInt(2, s.index());
                    step.setString(3, StepState.PENDING.name());
                    step.addBatch();
                }
                step.executeBatch();
            }
        });
    }

    @Override
    public void stepStarted(String runId, int index, Instant at) {
        tx(() -> {
            update("UPDATE action_steps SET state=?, started_at=?, finished_at=NULL, message=NULL WHERE run_id=? AND idx=?",
                    StepState.STARTED.name(), at.toString(), runId, index);
            update("UPDATE action_runs SET state=? WHERE run_id=?", RunState.RUNNING.name(), runId);
        });
    }

    @Override
    public void stepFinished(String runId, int index, StepState state, String message, Instant at) {
        tx(() -> update("UPDATE action_steps SET state=?, finished_at=?, message=? WHERE run_id=? AND idx=?",
                state.name(), at.toString(), message, runId, index));
    }

    @Override
    public void runFinished(String runId, RunState state, Verification verification) {
        tx(() -> update("UPDATE action_runs SET state=?, verification_json=? WHERE run_id=?",
                state.name(), verification == null ? null : json(verification), runId));
    }

    @Override
    public Optional<RunRecord> load(String runId) {
        synchronized (lock) {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT plan_json, state, verification_json FROM action_runs WHERE run_id=?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(record(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException("Could not read action run " + runId + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<RunRecord> list() {
        synchronized (lock) {
            List<RunRecord> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT plan_json, state, verification_json FROM action_runs ORDER BY created_at DESC, run_id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                return out;
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException("Could not list action runs: " + e.getMessage(), e);
            }
        }
    }

    private RunRecord record(String planJson, String state, String verificationJson) throws SQLException, JsonProcessingException {
        ActionPlan plan = Json.MAPPER.readValue(planJson, ActionPlan.class);
        List<StepRecord> steps = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT idx, state, started_at, finished_at, message FROM action_steps WHERE run_id=? ORDER BY idx")) {
            ps.setString(1, plan.runId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new StepRecord(rs.getInt(1), StepState.valueOf(rs.getString(2)), instant(rs.getString(3)),
                            instant(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        Verification v = verificationJson == null ? null : Json.MAPPER.readValue(verificationJson, Verification.class);
        return new RunRecord(plan, RunState.valueOf(state), steps, v);
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not encode " + o.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void tx(SqlWork work) {
        synchronized (lock) {
            try {
                boolean auto = db.getAutoCommit();
                db.setAutoCommit(false);
                try {
                    work.run();
                    db.commit();
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    throw e;
                } finally {
                    db.setAutoCommit(auto);
                }
            } catch (SQLException e) {
                throw new StoreException("Could not write the action journal: " + e.getMessage(), e);
            }
        }
    }
}
