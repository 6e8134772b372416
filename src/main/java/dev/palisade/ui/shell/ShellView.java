package dev.palisade.ui.shell;

import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.ui.ActionLauncher;
import dev.palisade.ui.access.AccessView;
import dev.palisade.ui.audit.AuditView;
import dev.palisade.ui.buckets.BucketsView;
import dev.palisade.ui.certificates.CertificatesView;
import dev.palisade.ui.common.ErrorInfo;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.environments.EnvironmentsView;
import dev.palisade.ui.issues.IssuesView;
import dev.palisade.ui.overview.OverviewView;
import dev.palisade.ui.snapshots.SnapshotsView;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's frame: header (organization, viewed snapshot, Scan now with progress and cancel,
 * theme, sign-in, help), sidebar, the current screen, the one error banner, and a status bar with
 * the sources' status and the last scan time. F1 shows the keyboard overlay.
 */
public final class ShellView extends StackPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final ShellViewModel vm;
    private final ActionLauncher actions;
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final StackPane center = new StackPane();
    private final Map<Screen, ToggleButton> nav = new EnumMap<>(Screen.class);
    /** The keyboard-shortcut overlay, built on first use (it is rarely opened, and the first paint is cheaper without it). */
    private VBox help;

    public ShellView(ShellViewModel vm, ActionLauncher actions) {
        this.vm = vm;
        this.actions = actions;
        getStyleClass().add("shell");
        BorderPane frame = new BorderPane();
        frame.setTop(new VBox(header(), errorBanner()));
        frame.setLeft(sidebar());
        center.getStyleClass().add("content");
        center.setPadding(new Insets(16, 20, 12, 20));
        frame.setCenter(center);
        frame.setBottom(statusBar());
        getChildren().add(frame);
        vm.screenProperty().addListener((o, a, b) -> show(b));
        show(vm.screenProperty().get());
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        for (Screen s : Screen.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (s.ordinal() + 1));
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN), () -> vm.screenProperty().set(s));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!vm.scanningProperty().get()) {
                vm.scan();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), vm::toggleTheme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::toggleHelp);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (helpVisible()) {
                help.setVisible(false);
            } else if (vm.scanningProperty().get()) {
                vm.cancelScan();
            }
        });
    }

    public boolean helpVisible() {
        return help != null && help.isVisible();
    }

    private void show(Screen s) {
        Node n = screens.computeIfAbsent(s, this::create);
        center.getChildren().setAll(n);
        nav.get(s).setSelected(true);
    }

    private Node create(Screen s) {
        Node n = switch (s) {
            case OVERVIEW -> new OverviewView(vm);
            case ENVIRONMENTS -> new EnvironmentsView(vm);
            case BUCKETS -> new BucketsView(vm);
            case CERTIFICATES -> new CertificatesView(vm);
            case ISSUES -> new IssuesView(vm);
            case ACCESS -> new AccessView(vm, actions);
            case SNAPSHOTS -> new SnapshotsView(vm);
            case AUDIT -> new AuditView(vm);
        };
        n.setId("screen-" + s.name().toLowerCase());
        return n;
    }

    private Node header() {
        FontIcon logo = new FontIcon(Feather.SHIELD);
        logo.getStyleClass().add("logo");
        Label app = new Label("Palisade");
        app.getStyleClass().add("app-name");
        Label org = new Label(vm.workspace().organization());
        org.getStyleClass().add("org-name");
        org.setId("org-name");
        Label viewing = new Label();
        viewing.setId("viewing");
        viewing.getStyleClass().add("viewing");
        viewing.textProperty().bind(Bindings.createStringBinding(() -> {
            Snapshot s = vm.snapshotProperty().get();
            if (s == null) {
                return vm.loadingProperty().get() ? "opening…" : "no snapshot yet";
            }
            return (vm.viewingLatestBinding().get() ? "latest scan " : "viewing " + s.id() + " from ") + TIME.format(s.startedAt())
                    + (vm.viewingLatestBinding().get() ? "" : " (read-only)");
        }, vm.snapshotProperty(), vm.viewingLatestBinding(), vm.loadingProperty()));
        viewing.pseudoClassStateChanged(Tone.WARN.pseudoClass(), false);
        vm.viewingLatestBinding().addListener((o, a, b) -> viewing.pseudoClassStateChanged(Tone.WARN.pseudoClass(), !b));
        Hyperlink back = new Hyperlink("Back to latest");
        back.setId("header-back");
        back.visibleProperty().bind(vm.viewingLatestBinding().not());
        back.managedProperty().bind(back.visibleProperty());
        back.setOnAction(e -> vm.refresh());

        Button scan = new Button("Scan now", new FontIcon(Feather.PLAY));
        scan.setId("scan-button");
        scan.getStyleClass().add("accent");
        scan.disableProperty().bind(vm.scanningProperty().or(vm.viewingLatestBinding().not()));
        scan.setOnAction(e -> vm.scan());
        ProgressBar bar = new ProgressBar();
        bar.setId("scan-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.scanningProperty());
        bar.setPrefWidth(160);
        Label progress = new Label();
        progress.setId("scan-progress-text");
        progress.getStyleClass().add("muted-text");
        progress.textProperty().bind(vm.progressTextProperty());
        progress.setMaxWidth(320);
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("cancel-scan");
        cancel.visibleProperty().bind(vm.scanningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelScan());

        ToggleButton theme = new ToggleButton();
        theme.setId("theme-toggle");
        theme.selectedProperty().bindBidirectional(vm.darkProperty());
        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(vm.darkProperty().get() ? Feather.SUN : Feather.MOON), vm.darkProperty()));
        theme.setTooltip(new javafx.scene.control.Tooltip("Light / dark theme (Ctrl+D)"));
        Button helpBtn = new Button(null, new FontIcon(Feather.HELP_CIRCLE));
        helpBtn.setId("help-button");
        helpBtn.setTooltip(new javafx.scene.control.Tooltip("Keyboard shortcuts (F1)"));
        helpBtn.setOnAction(e -> toggleHelp());

        Button tokens = new Button(null, new FontIcon(Feather.KEY));
        tokens.setId("tokens-button");
        tokens.setTooltip(new javafx.scene.control.Tooltip("GitHub token for scans (kept in the keychain or the encrypted secrets file)"));
        dev.palisade.ui.TokenVault vault = dev.palisade.ui.PalisadeApp.tokenVault;
        tokens.setVisible(vault != null && !vm.workspace().isDemo());
        tokens.setManaged(tokens.isVisible());
        tokens.setOnAction(e -> askGitHubToken(vault));

        Node session = sessionArea();
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox h = new HBox(10, logo, app, org, viewing, back, grow, progress, bar, cancel, scan, session, tokens, theme, helpBtn);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
    }

    private void askGitHubToken(dev.palisade.ui.TokenVault vault) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.setTitle("GitHub token");
        d.setHeaderText("Token Palisade uses to read the GitHub organizations");
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("github-token-field");
        Label hint = new Label("Needs read:org, repo and security_events (a fine-grained token: Members, Administration,"
                + " Dependabot alerts and Secret scanning alerts, read-only). It is kept in the OS keychain, or encrypted"
                + " in secrets.enc; it is never shown again. The variable in github.tokenEnv, when set, wins.");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        d.getDialogPane().setContent(new VBox(8, field, hint));
        javafx.scene.control.ButtonType forget = new javafx.scene.control.ButtonType("Forget stored token",
                javafx.scene.control.ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL, forget);
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        var choice = d.showAndWait();
        char[] token = field.getText().toCharArray();
        field.clear();
        if (choice.isEmpty() || choice.get() == javafx.scene.control.ButtonType.CANCEL) {
            java.util.Arrays.fill(token, '\0');
            return;
        }
        boolean drop = choice.get() == forget;
        vm.tasks().io(() -> {
            try {
                if (drop) {
                    vault.forgetGitHubToken();
                } else {
                    vault.storeGitHubToken(token);
                }
                vm.workspace().audit().append(vm.actor(), drop ? "secret.forget" : "secret.store", "github token", "OK", null);
                return null;
            } finally {
                java.util.Arrays.fill(token, '\0');
            }
        }).whenComplete((v, t) -> {
            if (t != null) {
                javafx.application.Platform.runLater(() -> vm.report("Could not store the GitHub token", t));
            }
        });
    }

    private Node sessionArea() {
        Label who = new Label();
        who.setId("signed-in");
        who.getStyleClass().add("muted-text");
        Button signIn = new Button("Sign in");
        signIn.setId("sign-in");
        signIn.setOnAction(e -> vm.signIn());
        Button signOut = new Button("Sign out");
        signOut.setOnAction(e -> vm.signOut());
        Runnable upd = () -> {
            String email = vm.signedInProperty().get();
            boolean available = vm.session().available();
            who.setText(email != null ? email : vm.workspace().isDemo() ? "Demo — no sign-in" : available ? "" : "Not signed in");
            signIn.setVisible(available && email == null);
            signOut.setVisible(available && email != null);
            signIn.setManaged(signIn.isVisible());
            signOut.setManaged(signOut.isVisible());
        };
        vm.signedInProperty().addListener((o, a, b) -> upd.run());
        upd.run();
        HBox box = new HBox(6, who, signIn, signOut);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node sidebar() {
        VBox side = new VBox(2);
        side.getStyleClass().add("sidebar");
        side.setId("sidebar");
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(s.title(), new FontIcon(icon(s)));
            b.setId("nav-" + s.name().toLowerCase());
            b.setToggleGroup(group);
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new javafx.scene.control.Tooltip(s.title() + " (" + s.shortcut() + ")"));
            b.setOnAction(e -> {
                vm.screenProperty().set(s);
                b.setSelected(true);
            });
            Label k = new Label(String.valueOf(s.ordinal() + 1));
            k.getStyleClass().add("nav-key");
            b.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            nav.put(s, b);
            side.getChildren().add(b);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        Label hint = new Label("F1 keyboard shortcuts");
        hint.getStyleClass().add("muted-text");
        side.getChildren().addAll(grow, hint);
        side.setPrefWidth(200);
        return side;
    }

    static Feather icon(Screen s) {
        return switch (s) {
            case OVERVIEW -> Feather.HOME;
            case ENVIRONMENTS -> Feather.LAYERS;
            case BUCKETS -> Feather.DATABASE;
            case CERTIFICATES -> Feather.LOCK;
            case ISSUES -> Feather.ALERT_TRIANGLE;
            case ACCESS -> Feather.USERS;
            case SNAPSHOTS -> Feather.CLOCK;
            case AUDIT -> Feather.BOOK_OPEN;
        };
    }

    private Node errorBanner() {
        Label msg = new Label();
        msg.setId("error-message");
        msg.setWrapText(true);
        msg.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setPrefRowCount(8);
        detail.setVisible(false);
        detail.managedProperty().bind(detail.visibleProperty());
        detail.setId("error-detail");
        ToggleButton more = new ToggleButton("Details");
        more.setId("error-details-toggle");
        detail.visibleProperty().bind(more.selectedProperty());
        Button close = new Button("Dismiss");
        close.setId("error-dismiss");
        close.setOnAction(e -> vm.dismissError());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(msg, Priority.ALWAYS);
        HBox row = new HBox(8, msg, grow, more, close);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox banner = new VBox(6, row, detail);
        banner.getStyleClass().add("error-banner");
        banner.setId("error-banner");
        banner.visibleProperty().bind(vm.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        vm.errorProperty().addListener((o, a, b) -> {
            ErrorInfo e = b;
            msg.setText(e == null ? "" : e.summary());
            detail.setText(e == null ? "" : e.detail());
            more.setSelected(false);
        });
        return banner;
    }

    private Node statusBar() {
        HBox sources = new HBox(6);
        sources.setAlignment(Pos.CENTER_LEFT);
        sources.setId("status-sources");
        Label last = new Label();
        last.setId("last-scan");
        last.getStyleClass().add("muted-text");
        Runnable upd = () -> {
            Snapshot s = vm.snapshotProperty().get();
            sources.getChildren().clear();
            if (s == null) {
                last.setText(vm.loadingProperty().get() ? "Opening the stored snapshots…" : "No scan yet. Press Scan now (Ctrl+R).");
                return;
            }
            for (SourceStatus st : s.sources()) {
                Pill p = new Pill(st.name(), st.status() == SourceState.OK ? Tone.GOOD : st.status() == SourceState.PARTIAL ? Tone.WARN : Tone.BAD);
                if (st.error() != null) {
                    javafx.scene.control.Tooltip.install(p, new javafx.scene.control.Tooltip(st.status() + ": " + st.error()));
                }
                sources.getChildren().add(p);
            }
            String took = s.finishedAt() == null ? "" : " in " + Duration.between(s.startedAt(), s.finishedAt()).toSeconds() + " s";
            last.setText("Scanned " + TIME.format(s.startedAt()) + took + " · " + vm.summaries().size() + " snapshots stored");
        };
        vm.snapshotProperty().addListener((o, a, b) -> upd.run());
        vm.loadingProperty().addListener((o, a, b) -> upd.run());
        vm.summaries().addListener((javafx.collections.ListChangeListener<? super dev.palisade.store.SnapshotSummary>) c -> upd.run());
        upd.run();
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label demo = new Label(vm.workspace().isDemo() ? "DEMO DATA" : "");
        demo.getStyleClass().add("demo-badge");
        demo.setVisible(vm.workspace().isDemo());
        HBox bar = new HBox(10, sources, grow, demo, last);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void toggleHelp() {
        showHelp(!helpVisible());
    }

    /** Shows or hides the keyboard-shortcut overlay (F1). */
    public void showHelp(boolean show) {
        if (help == null) {
            if (!show) {
                return;
            }
            help = helpOverlay();
            getChildren().add(help);
        }
        help.setVisible(show);
    }

    private VBox helpOverlay() {
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(6);
        int r = 0;
        for (Screen s : Screen.values()) {
            g.addRow(r++, key(s.shortcut()), new Label(s.title()));
        }
        g.addRow(r++, key("Ctrl+R"), new Label("Scan now"));
        g.addRow(r++, key("Esc"), new Label("Cancel the running scan / close this overlay"));
        g.addRow(r++, key("Ctrl+D"), new Label("Light / dark theme"));
        g.addRow(r++, key("F1"), new Label("Show / hide this overlay"));
        g.addRow(r++, key("Tab / Shift+Tab"), new Label("Move between controls; arrows move in tables"));
        g.addRow(r, key("Enter / Space"), new Label("Activate the focused button"));
        Label t = new Label("Keyboard shortcuts");
        t.getStyleClass().add("screen-title");
        Button close = new Button("Close (Esc)");
        close.setOnAction(e -> help.setVisible(false));
        VBox card = new VBox(14, t, g, close);
        card.getStyleClass().addAll("card", "help-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        VBox overlay = new VBox(card);
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("help-overlay");
        overlay.setId("help-overlay");
        overlay.setOnMouseClicked(e -> {
            if (e.getTarget() == overlay) {
                overlay.setVisible(false);
            }
        });
        return overlay;
    }

    private static Label key(String k) {
        Label l = new Label(k);
        l.getStyleClass().add("kbd");
        return l;
    }
}
