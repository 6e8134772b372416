package dev.palisade.ui;

import dev.palisade.scan.Workspace;
import dev.palisade.ui.common.BackgroundTasks;
import dev.palisade.ui.common.ErrorInfo;
import dev.palisade.ui.shell.ShellView;
import dev.palisade.ui.shell.ShellViewModel;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop console. Its workspace comes from {@link #workspaceFactory} (set by the launcher:
 * {@code LocalWorkspace.openDemo/open}), opened off the FX thread; a workspace that cannot be
 * opened (corrupt or newer database) shows a recovery message instead of the console.
 */
public class PalisadeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(PalisadeApp.class);

    /**
     * Where the workspace comes from; may do I/O (it is called on a worker thread). The launcher sets
     * it ({@code dev.palisade.Workspaces.openConsole}: secrets, sealed store, sign-in); there is no
     * second, unencrypted way to open a data directory.
     */
    public static volatile Supplier<Workspace> workspaceFactory = () -> {
        throw new IllegalStateException("No workspace to open: start Palisade with `java -jar palisade.jar`.");
    };
    /** Google sign-in; {@link SessionGate#NONE} until the auth code is wired. */
    public static volatile SessionGate sessionGate = SessionGate.NONE;
    /** Stores the GitHub token from the app (a real workspace's secrets); null hides the button. */
    public static volatile TokenVault tokenVault;
    /** Locks the console after the idle period (set with a signed-in session); null = no lock. */
    public static volatile dev.palisade.auth.IdleLock idleLock;
    /** Offboarding and key rotation; null = the standard action windows ({@code ui.act.ActionDialogs}). */
    public static volatile ActionLauncher actionLauncher;

    public static final String STYLESHEET = Objects.requireNonNull(
            PalisadeApp.class.getResource("/dev/palisade/ui/palisade.css")).toExternalForm();

    /** How long the "Opening workspace…" message waits before it shows a spinning indicator too. */
    static final long SPINNER_DELAY_MS = 1_500;

    /** Run (once, on the FX thread, so keep it short) when the console starts; the launcher warms the store here. */
    public static volatile Runnable onStart = () -> { };

    /**
     * Set by the launcher when the console opens the built-in demo: its organization, so that the
     * console can be built before the demo store is open. Null for a real workspace, whose sign-in
     * comes first.
     */
    public static volatile String earlyDemo;

    /** False for consoles embedded in another JVM (tests), whose heap is not the console's to tune. */
    public static volatile boolean trimHeap;

    private final Supplier<Workspace> factory;
    private final String earlyDemoOrganization;
    private final BackgroundTasks tasks = new BackgroundTasks();
    private Workspace workspace;
    /** The demo built before its store opened ({@link #earlyDemo}); closed through it if the app stops first. */
    private PendingWorkspace pending;
    private ShellViewModel viewModel;
    private Stage stage;

    public PalisadeApp() {
        this(null);
    }

    /** For tests and embedding: a fixed workspace factory (null = {@link #workspaceFactory}). */
    public PalisadeApp(Supplier<Workspace> factory) {
        this(factory, null);
    }

    /**
     * @param earlyDemoOrganization when the factory opens the built-in demo: its organization, so that the
     *                              console is built while the store opens (as {@link #earlyDemo} does for the launcher)
     */
    public PalisadeApp(Supplier<Workspace> factory, String earlyDemoOrganization) {
        this.factory = factory;
        this.earlyDemoOrganization = earlyDemoOrganization;
    }

    /**
     * Applies the AtlantaFX Primer theme; the app stylesheet uses its colour tokens, so it serves both.
     * The stylesheets are loaded by resource name because atlantafx-base 2.1.0's classes are Java 21
     * bytecode (the CSS inside the jar is version-independent), and we run on Java 17.
     */
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(themeStylesheet(dark));
    }

    public static String themeStylesheet(boolean dark) {
        String name = dark ? "/atlantafx/base/theme/primer-dark.css" : "/atlantafx/base/theme/primer-light.css";
        return Objects.requireNonNull(PalisadeApp.class.getResource(name), name).toExternalForm();
    }

    /** Wall-clock moments of the start-up (ms since the epoch), logged relative to the JVM's start at the first paint. */
    private volatile long javafxStartedAt;
    private volatile long workspaceReadyAt;

    @Override
    public void start(Stage stage) {
        javafxStartedAt = System.currentTimeMillis();
        LOG.info("JavaFX started");
        onStart.run();
        applyTheme(false);
        String early = earlyDemoOrganization != null ? earlyDemoOrganization : factory == null ? earlyDemo : null;
        // fit small screens (and the headless test screen) rather than overflow them
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(early != null ? new VBox() : openingMessage(),
                Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET);
        this.stage = stage;
        stage.titleProperty().unbind();
        stage.setScene(scene);
        stage.setTitle("Palisade");
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        Supplier<Workspace> f = factory != null ? factory : workspaceFactory;
        CompletableFuture<Workspace> opened = tasks.io(f::get);
        if (early != null) {
            // The demo's name is known before its store is open: build the console now, while the key
            // is being derived, and let it read the snapshot once the store is open.
            pending = new PendingWorkspace(early, true, opened);
            show(stage, scene, pending);
        }
        stage.show();
        opened.whenCompleteAsync((ws, t) -> {
            if (t != null) {
                Throwable root = ErrorInfo.unwrap(t);
                LOG.error("Could not open the workspace", root);
                showRecovery(scene, root);
                return;
            }
            workspace = ws;
            workspaceReadyAt = System.currentTimeMillis();
            LOG.info("Workspace ready");
            if (early == null) {
                show(stage, scene, ws);
            }
        }, Platform::runLater);
    }

    /** "Opening workspace…", shown while a real workspace opens (its sign-in first). */
    private static VBox openingMessage() {
        ProgressIndicator spin = new ProgressIndicator();
        // An indeterminate indicator repaints every frame, and that CPU is what the workspace needs to
        // open (measured: ~0.4 s slower to the first paint on two cores). It appears only if opening takes a while.
        spin.setVisible(false);
        CompletableFuture.delayedExecutor(SPINNER_DELAY_MS, java.util.concurrent.TimeUnit.MILLISECONDS, Platform::runLater)
                .execute(() -> spin.setVisible(true));
        VBox box = new VBox(12, spin, new Label("Opening workspace…"));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void show(Stage stage, Scene scene, Workspace ws) {
        viewModel = new ShellViewModel(ws, tasks, Platform::runLater, Clock.systemDefaultZone(), sessionGate);
        viewModel.setBrowser(url -> getHostServices().showDocument(url));
        // read the latest snapshot while the screens are being built
        CompletableFuture<Void> loaded = viewModel.refresh();
        ShellViewModel shell = viewModel;
        ActionLauncher actions = actionLauncher != null ? actionLauncher
                : new dev.palisade.ui.act.ActionDialogs(dev.palisade.act.AwsActionClients.standard(), shell::actor,
                tasks.ioExecutor(), Clock.systemDefaultZone(), () -> sessionGate);
        ShellView view = new ShellView(viewModel, actions);
        scene.setRoot(view);
        view.installShortcuts(scene);
        if (idleLock != null) {
            IdleLockGuard.install(scene, idleLock, sessionGate);
        }
        stage.titleProperty().bind(viewModel.titleProperty());
        viewModel.darkProperty().addListener((o, a, b) -> applyTheme(b));
        loaded.thenRun(() -> firstPaint(scene));
    }

    /**
     * Logs, once, how long the console took from the JVM's start to the first frame that shows the
     * latest snapshot (the startup benchmark, {@code packaging/bench-startup.sh}, reads this line),
     * then gives the start-up garbage back to the OS ({@link IdleHeap}).
     *
     * <p>The JVM's start is the one it recorded itself ({@code RuntimeMXBean}, read only now, after the
     * frame). {@code ProcessHandle}'s start instant is not used: on Linux it adds the process's start
     * (10 ms ticks since boot) to a boot time the kernel gives in whole seconds, so it can be off by up
     * to a second.
     */
    private void firstPaint(Scene scene) {
        dev.palisade.ui.common.Frames.afterNextFrame(scene, () -> {
            long paintedAt = System.currentTimeMillis();
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("Console painted {} ms after the JVM started (JavaFX up at {} ms, workspace open at {} ms;"
                            + " {} ms of CPU; heap {} MB used of {} MB)",
                    paintedAt - jvmStart, javafxStartedAt - jvmStart, workspaceReadyAt == 0 ? -1 : workspaceReadyAt - jvmStart,
                    ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().totalMemory() >> 20);
            if (trimHeap) {
                tasks.io(() -> {
                    IdleHeap.settle();
                    return null;
                });
            }
        });
    }

    /** What to do next, by what went wrong: nothing was changed in any case. */
    static String recoveryAdvice(Throwable root) {
        if (root instanceof dev.palisade.auth.PassphraseUnavailableException || root instanceof dev.palisade.auth.SecretStoreException) {
            return "Nothing was changed. Start Palisade again and enter the passphrase (or set PALISADE_PASSPHRASE).";
        }
        if (root instanceof dev.palisade.store.StoreException) {
            return "Nothing was changed. Move the database aside (or restore it from a backup) and start again, "
                    + "or run the demo with `palisade --demo`.";
        }
        String m = root.getMessage() == null ? "" : root.getMessage();
        if (m.startsWith("Sign-in refused")) {
            return "Nothing was opened. Start Palisade again and sign in with an account listed in google.admins.";
        }
        return "Nothing was changed. Fix the cause above (palisade.yaml errors name the line) and start Palisade again.";
    }

    private static void showRecovery(Scene scene, Throwable root) {
        Label title = new Label("Palisade could not open its data");
        title.getStyleClass().add("screen-title");
        Label msg = new Label(root.getMessage() == null ? root.toString() : root.getMessage());
        msg.setWrapText(true);
        msg.setMaxWidth(640);
        Label what = new Label(recoveryAdvice(root));
        what.setWrapText(true);
        what.setMaxWidth(640);
        TextArea detail = new TextArea(ErrorInfo.of("Open", root).detail());
        detail.setEditable(false);
        detail.setMaxWidth(640);
        detail.setPrefRowCount(8);
        VBox box = new VBox(12, title, msg, what, detail);
        box.setAlignment(Pos.CENTER);
        box.setId("recovery");
        box.getStyleClass().add("screen");
        scene.setRoot(box);
    }

    /** The console's view-model once the workspace is open (for tests). */
    public ShellViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void stop() {
        if (stage != null) {
            stage.titleProperty().unbind();
        }
        if (viewModel != null) {
            viewModel.cancelScan();
        }
        tasks.close();
        if (workspace == null && pending != null) {
            pending.close();
        }
        if (workspace != null) {
            try {
                workspace.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the workspace failed", e);
            }
        }
    }
}
