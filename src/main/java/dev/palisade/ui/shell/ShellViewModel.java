package dev.palisade.ui.shell;

import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Triage;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.scan.Workspace;
import dev.palisade.store.SnapshotSummary;
import dev.palisade.ui.SessionGate;
import dev.palisade.ui.common.BackgroundTasks;
import dev.palisade.ui.common.ErrorInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's state: which workspace, which snapshot is being viewed (latest or an older one,
 * read-only), the stored snapshots, the running scan and its progress, and the one error to show.
 * Never touches a Node. All property changes happen on {@code fx} (the FX thread in the app, the
 * caller's thread in tests).
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Executor fx;
    private final Clock clock;
    private final SessionGate session;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.OVERVIEW);
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<SnapshotSummary> summaries = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty scanning = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ErrorInfo> error = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final StringProperty signedIn = new SimpleStringProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanBinding viewingLatest;
    private final BooleanBinding hasSnapshots;
    private BackgroundTasks.Job<Snapshot> scanJob;
    private java.util.function.Consumer<String> browser = url -> { };

    public ShellViewModel(Workspace workspace, BackgroundTasks tasks, Executor fx, Clock clock, SessionGate session) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.fx = fx;
        this.clock = clock;
        this.session = session;
        title.bind(Bindings.createStringBinding(() -> {
            Snapshot s = snapshot.get();
            String base = "Palisade — " + workspace.organization();
            if (s != null && !isLatest(s)) {
                base += " — snapshot " + s.id() + " (read-only)";
            }
            return base;
        }, snapshot, summaries));
        viewingLatest = Bindings.createBooleanBinding(() -> snapshot.get() == null || isLatest(snapshot.get()), snapshot, summaries);
        hasSnapshots = Bindings.isNotEmpty(summaries);
        signedIn.set(session.signedInEmail().orElse(null));
    }

    private boolean isLatest(Snapshot s) {
        return summaries.isEmpty() || summaries.get(0).id().equals(s.id());
    }

    public Workspace workspace() {
        return workspace;
    }

    public Clock clock() {
        return clock;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Executor fx() {
        return fx;
    }

    public SessionGate session() {
        return session;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    public ObservableList<SnapshotSummary> summaries() {
        return summaries;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty scanningProperty() {
        return scanning;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public ObjectProperty<ErrorInfo> errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public StringProperty signedInProperty() {
        return signedIn;
    }

    /** Dark theme (PrimerDark) when true, light (PrimerLight) otherwise. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggleTheme() {
        dark.set(!dark.get());
    }

    public BooleanBinding viewingLatestBinding() {
        return viewingLatest;
    }

    public BooleanBinding hasSnapshotsBinding() {
        return hasSnapshots;
    }

    /** Reports a failure in the one place errors are shown. */
    public void report(String action, Throwable t) {
        Throwable root = ErrorInfo.unwrap(t);
        LOG.warn("{} failed: {}", action, root.toString());
        fx.execute(() -> error.set(ErrorInfo.of(action, root)));
    }

    public void dismissError() {
        error.set(null);
    }

    /** Loads the list of snapshots and opens the latest. */
    public CompletableFuture<Void> refresh() {
        loading.set(true);
        return tasks.io(() -> {
                    List<SnapshotSummary> list = workspace.snapshots().list();
                    Snapshot latest = list.isEmpty() ? null
                            : workspace.snapshots().load(list.get(0).id()).orElse(null);
                    return new Loaded(list, latest);
                })
                .thenAcceptAsync(l -> {
                    summaries.setAll(l.list);
                    snapshot.set(l.latest);
                    loading.set(false);
                }, fx)
                .whenComplete((v, t) -> {
                    if (t != null) {
                        fx.execute(() -> loading.set(false));
                        report("Could not read the stored snapshots", t);
                    }
                });
    }

    private record Loaded(List<SnapshotSummary> list, Snapshot latest) {
    }

    /** Opens a stored snapshot (read-only review when it is not the latest). */
    public CompletableFuture<Snapshot> open(String id) {
        return tasks.io(() -> workspace.snapshots().load(id)
                        .orElseThrow(() -> new IllegalStateException("Snapshot " + id + " is no longer in the store.")))
                .thenApplyAsync(s -> {
                    snapshot.set(s);
                    screen.set(Screen.OVERVIEW);
                    return s;
                }, fx)
                .whenComplete((s, t) -> {
                    if (t != null) {
                        report("Could not open snapshot " + id, t);
                    }
                });
    }

    /** Loads a stored snapshot without showing it (for diffs). */
    public CompletableFuture<Snapshot> load(String id) {
        return tasks.io(() -> workspace.snapshots().load(id)
                .orElseThrow(() -> new IllegalStateException("Snapshot " + id + " is no longer in the store.")));
    }

    /** Starts a scan of every configured source; progress and the new snapshot arrive on {@code fx}. */
    public CompletableFuture<Snapshot> scan() {
        if (scanning.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("A scan is already running."));
        }
        scanning.set(true);
        progress.set(-1);
        progressText.set("Starting scan…");
        Map<String, Double> perSource = new LinkedHashMap<>();
        ScanProgress listener = new ScanProgress() {
            @Override
            public void update(String source, double fraction, String message) {
                fx.execute(() -> {
                    perSource.put(source, fraction);
                    progress.set(overall(perSource));
                    progressText.set(source + (fraction >= 0 ? " " + Math.round(fraction * 100) + " %" : "")
                            + (message == null || message.isBlank() ? "" : " — " + message));
                });
            }

            @Override
            public void finished(SourceStatus status) {
                fx.execute(() -> {
                    perSource.put(status.name(), 1.0);
                    progress.set(overall(perSource));
                    progressText.set(status.name() + " " + status.status().name().toLowerCase());
                });
            }
        };
        scanJob = tasks.scan(() -> workspace.scan(Set.of(), listener));
        CompletableFuture<Snapshot> done = new CompletableFuture<>();
        scanJob.result().whenComplete((s, t) -> fx.execute(() -> {
            scanning.set(false);
            scanJob = null;
            if (t != null) {
                Throwable root = ErrorInfo.unwrap(t);
                if (root instanceof CancellationException || root instanceof InterruptedException) {
                    progressText.set("Scan cancelled; nothing was stored.");
                    progress.set(0);
                    done.cancel(false);
                    return;
                }
                progressText.set("Scan failed.");
                progress.set(0);
                report("Scan failed", root);
                done.completeExceptionally(root);
                return;
            }
            progress.set(1);
            progressText.set("Scan finished: " + s.count(dev.palisade.core.Status.FAIL) + " failing, "
                    + s.count(dev.palisade.core.Status.ERROR) + " errors.");
            refresh().whenComplete((v, t2) -> done.complete(s));
        }));
        return done;
    }

    static double overall(Map<String, Double> perSource) {
        if (perSource.isEmpty() || perSource.values().stream().allMatch(d -> d < 0)) {
            return -1;
        }
        return perSource.values().stream().mapToDouble(d -> d < 0 ? 0 : Math.min(1, d)).average().orElse(0);
    }

    public void cancelScan() {
        if (scanJob != null) {
            scanJob.cancel();
        }
    }

    /** The triage currently recorded for {@code f}, if any. */
    public Optional<Triage> triageOf(Finding f) {
        return Optional.ofNullable(f.triage());
    }

    /** Mutes {@code f} until {@code until} with {@code note}; the finding shows MUTED at once. */
    public CompletableFuture<Void> mute(Finding f, String note, Instant until, String owner) {
        if (note == null || note.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A mute needs a note saying why."));
        }
        if (until == null || !until.isAfter(clock.instant())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A mute needs an expiry in the future."));
        }
        Triage t = new Triage(f.check(), f.resource().id(), until, note.strip(),
                owner == null || owner.isBlank() ? (f.triage() == null ? null : f.triage().owner()) : owner.strip(),
                actor(), clock.instant());
        return putTriage(t);
    }

    /** Assigns an owner inside Palisade (keeps an existing mute). */
    public CompletableFuture<Void> assign(Finding f, String owner) {
        Triage old = f.triage();
        Triage t = new Triage(f.check(), f.resource().id(), old == null ? null : old.mutedUntil(),
                old == null ? null : old.note(), owner == null || owner.isBlank() ? null : owner.strip(), actor(), clock.instant());
        return putTriage(t);
    }

    /** Removes mute and owner. */
    public CompletableFuture<Void> clearTriage(Finding f) {
        return tasks.io(() -> {
                    workspace.triage().clearTriage(f.check(), f.resource().id()); // the workspace audits it
                    return workspace.triage().allTriage();
                })
                .thenAcceptAsync(this::reapply, fx)
                .whenComplete((v, t) -> {
                    if (t != null) {
                        report("Could not clear the triage", t);
                    }
                });
    }

    private CompletableFuture<Void> putTriage(Triage t) {
        return tasks.io(() -> {
                    workspace.triage().putTriage(t); // the workspace audits it
                    return workspace.triage().allTriage();
                })
                .thenAcceptAsync(this::reapply, fx)
                .whenComplete((v, e) -> {
                    if (e != null) {
                        report("Could not save the triage", e);
                    }
                });
    }

    private void reapply(Map<String, Triage> triage) {
        Snapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        List<Finding> findings = new ArrayList<>(CheckEngine.applyTriage(s.findings(), triage, clock.instant()));
        snapshot.set(new Snapshot(s.schema(), s.id(), s.organization(), s.startedAt(), s.finishedAt(), s.sources(),
                findings, s.inventory()));
    }

    /** Who acts: the signed-in admin, else "demo" or the OS user. */
    public String actor() {
        String who = signedIn.get();
        return who == null ? (workspace.isDemo() ? "demo" : System.getProperty("user.name", "local")) : who;
    }

    /** Asks the session gate to sign in; the email lands in {@link #signedInProperty()}. */
    public CompletableFuture<String> signIn() {
        return session.signIn().whenCompleteAsync((email, t) -> {
            if (t != null) {
                report("Sign-in failed", t);
            } else {
                signedIn.set(email);
            }
        }, fx);
    }

    /** Where links open (the system browser in the app). */
    public void setBrowser(java.util.function.Consumer<String> browser) {
        this.browser = browser;
    }

    public void openUrl(String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            browser.accept(url);
        }
    }

    public void signOut() {
        session.signOut();
        signedIn.set(null);
    }
}
