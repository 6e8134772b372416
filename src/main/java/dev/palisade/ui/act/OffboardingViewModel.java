package dev.palisade.ui.act;

import dev.palisade.act.ActionCredentials;
import dev.palisade.act.ActionException;
import dev.palisade.act.ActionRunner;
import dev.palisade.act.Offboarding;
import dev.palisade.act.OffboardingRecord;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.Verification;
import dev.palisade.core.inventory.AccountRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The offboarding wizard's state: preview the plan, type the email to confirm, run with live step
 * states, resume after a failure, show the verification and export the record. Never touches a
 * Node; work runs on {@code background}, results land on {@code fx}.
 */
public final class OffboardingViewModel {
    /** Where the wizard stands. */
    public enum Phase { LOADING, PREVIEW, RUNNING, FAILED, DONE, REFUSED }

    /** One row of the step table. */
    public static final class StepRow {
        private final PlanStep step;
        private final StringProperty state = new SimpleStringProperty("PENDING");
        private final StringProperty message = new SimpleStringProperty("");

        StepRow(PlanStep step) {
            this.step = step;
        }

        public PlanStep step() {
            return step;
        }

        public StringProperty stateProperty() {
            return state;
        }

        public StringProperty messageProperty() {
            return message;
        }
    }

    private final Offboarding offboarding;
    private final String email;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.LOADING);
    private final ObjectProperty<ActionPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AccountRef> offered = FXCollections.observableArrayList();
    private final Set<String> included = new LinkedHashSet<>();
    private final BooleanProperty deleteIamUsers = new SimpleBooleanProperty(false);
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("Building the plan from the latest snapshot…");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<Verification> verification = new SimpleObjectProperty<>();
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>();
    private final BooleanBinding canRun;

    public OffboardingViewModel(Offboarding offboarding, String email, Executor background, Executor fx) {
        this.offboarding = offboarding;
        this.email = email;
        this.background = background;
        this.fx = fx;
        this.canRun = Bindings.createBooleanBinding(() -> phase.get() == Phase.PREVIEW && plan.get() != null
                && confirmation.get() != null && confirmation.get().strip().equalsIgnoreCase(plan.get().subject()), phase, plan, confirmation);
        deleteIamUsers.addListener((o, a, b) -> loadPlan());
    }

    public String email() {
        return email;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObjectProperty<ActionPlan> planProperty() {
        return plan;
    }

    public ObservableList<StepRow> rows() {
        return rows;
    }

    public ObservableList<AccountRef> offered() {
        return offered;
    }

    public BooleanProperty deleteIamUsersProperty() {
        return deleteIamUsers;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<Verification> verificationProperty() {
        return verification;
    }

    public ObjectProperty<RunRecord> runProperty() {
        return run;
    }

    public BooleanBinding canRunBinding() {
        return canRun;
    }

    public boolean planTouches(String system) {
        return plan.get() != null && plan.get().steps().stream().anyMatch(s -> s.system().equals(system));
    }

    /** Includes or leaves out an offered look-alike account, and rebuilds the plan. */
    public void include(AccountRef account, boolean include) {
        if (include ? included.add(account.id()) : included.remove(account.id())) {
            loadPlan();
        }
    }

    public boolean isIncluded(AccountRef account) {
        return included.contains(account.id());
    }

    public CompletableFuture<ActionPlan> loadPlan() {
        phase.set(Phase.LOADING);
        boolean delete = deleteIamUsers.get();
        Set<String> inc = Set.copyOf(included);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return offboarding.plan(email, delete, inc);
            } catch (ActionException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).whenCompleteAsync((p, t) -> {
            if (t != null) {
                phase.set(Phase.REFUSED);
                message.set(cause(t).getMessage());
                return;
            }
            plan.set(p);
            rows.setAll(p.steps().stream().map(StepRow::new).toList());
            List<AccountRef> all = new java.util.ArrayList<>(p.offered());
            offboarding.lookAlikesIncluded(p, included).forEach(all::add);
            offered.setAll(all);
            progress.set(0);
            message.set(p.steps().size() + " steps across " + p.executorKeys().size() + " system(s). Review them, then type "
                    + p.subject() + " to confirm.");
            phase.set(Phase.PREVIEW);
        }, fx);
    }

    /** Runs the confirmed plan; the tokens are used for this run only and wiped afterwards. */
    public CompletableFuture<RunRecord> run(char[] workspaceToken, char[] githubToken) {
        ActionPlan p = plan.get();
        String typed = confirmation.get();
        return execute(creds -> offboarding.run(p, typed, creds, listener()), workspaceToken, githubToken);
    }

    public CompletableFuture<RunRecord> resume(char[] workspaceToken, char[] githubToken) {
        String runId = run.get().runId();
        return execute(creds -> offboarding.resume(runId, creds, listener()), workspaceToken, githubToken);
    }

    private interface Work {
        RunRecord run(ActionCredentials credentials) throws ActionException, InterruptedException;
    }

    private CompletableFuture<RunRecord> execute(Work work, char[] workspaceToken, char[] githubToken) {
        phase.set(Phase.RUNNING);
        message.set("Running…");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run(ActionCredentials.of(workspaceToken, githubToken));
            } catch (ActionException e) {
                throw new java.util.concurrent.CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CompletionException(e);
            } finally {
                if (workspaceToken != null) {
                    Arrays.fill(workspaceToken, '\0');
                }
                if (githubToken != null) {
                    Arrays.fill(githubToken, '\0');
                }
            }
        }, background).whenCompleteAsync((r, t) -> {
            if (t != null) {
                phase.set(plan.get() != null && run.get() == null ? Phase.PREVIEW : Phase.FAILED);
                message.set(cause(t).getMessage());
                return;
            }
            show(r);
        }, fx);
    }

    private void show(RunRecord r) {
        run.set(r);
        for (StepRecord s : r.steps()) {
            StepRow row = rows.get(s.index());
            row.state.set(s.state().name());
            row.message.set(s.message() == null ? "" : s.message());
        }
        long complete = r.steps().stream().filter(s -> s.state().complete()).count();
        progress.set(r.steps().isEmpty() ? 1 : (double) complete / r.steps().size());
        verification.set(r.verification());
        if (r.nextStep() >= 0) {
            StepRecord failed = r.steps().get(r.nextStep());
            phase.set(Phase.FAILED);
            message.set("Step " + (failed.index() + 1) + " failed: " + (failed.message() == null ? "interrupted" : failed.message())
                    + " Fix the cause, then Resume: finished steps are not repeated.");
        } else {
            phase.set(Phase.DONE);
            Verification v = r.verification();
            message.set(v == null ? "All steps done." : v.clean()
                    ? "Verified: a rescan shows " + email + " holds no access anywhere."
                    : "Done, but the rescan still shows " + v.stillOpen().size() + " open item(s).");
        }
    }

    private ActionRunner.Listener listener() {
        return (step, state, msg) -> fx.execute(() -> {
            StepRow row = rows.get(step.index());
            row.state.set(state.name());
            row.message.set(msg == null ? "" : msg);
            if (state.complete()) {
                long done = rows.stream().filter(rw -> StepState.valueOf(rw.state.get()).complete()).count();
                progress.set((double) done / rows.size());
            }
            message.set("Step " + (step.index() + 1) + "/" + rows.size() + ": " + step.description());
        });
    }

    /** {@link #exportRecord} off the FX thread; the message says where it went or why not. */
    public CompletableFuture<Path> exportRecordAsync(Path dir) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return exportRecord(dir);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).whenCompleteAsync((html, t) -> message.set(t == null ? "Offboarding record written to " + html + "."
                : "Could not write the record: " + cause(t).getMessage()), fx);
    }

    /** Writes {@code offboarding-RUN.html} and {@code .json} into {@code dir}; returns the HTML file. */
    public Path exportRecord(Path dir) throws IOException {
        RunRecord r = run.get();
        if (r == null) {
            throw new IllegalStateException("Nothing has run yet.");
        }
        Files.createDirectories(dir);
        Path html = dir.resolve("offboarding-" + r.runId() + ".html");
        Files.writeString(html, OffboardingRecord.html(r));
        Files.writeString(dir.resolve("offboarding-" + r.runId() + ".json"), OffboardingRecord.json(r));
        offboarding.recordExported(r.runId(), dir.toAbsolutePath().toString());
        return html;
    }

    private static Throwable cause(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
