package dev.palisade.ui.act;

import dev.palisade.core.inventory.AccountRef;
import dev.palisade.ui.act.OffboardingViewModel.Phase;
import dev.palisade.ui.act.OffboardingViewModel.StepRow;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The offboarding wizard: the full plan first (every step with its API action and target), options
 * (delete IAM users, include look-alike accounts), the action tokens, then the typed confirmation;
 * live step states while it runs; Resume after a failure; the verification and the record export.
 */
public final class OffboardingWizard extends BorderPane {
    private final OffboardingViewModel vm;
    private final PasswordField workspaceToken = new PasswordField();
    private final PasswordField githubToken = new PasswordField();
    private final dev.palisade.ui.SessionGate session;
    private final Label granted = new Label();

    public OffboardingWizard(OffboardingViewModel vm) {
        this(vm, dev.palisade.ui.SessionGate.NONE);
    }

    /** @param session the console's Google sign-in, which can grant the Workspace write scopes for this run */
    public OffboardingWizard(OffboardingViewModel vm, dev.palisade.ui.SessionGate session) {
        this.vm = vm;
        this.session = session;
        getStyleClass().add("offboarding-wizard");
        setPadding(new Insets(16));
        setTop(header());
        setCenter(steps());
        setBottom(footer());
    }

    private Parent header() {
        Label title = new Label("Offboard " + vm.email());
        title.getStyleClass().add("title-2");
        Label message = new Label();
        message.setId("wizard-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        CheckBox delete = new CheckBox("Delete IAM users (otherwise they are kept disabled and tagged)");
        delete.setId("delete-iam-users");
        delete.selectedProperty().bindBidirectional(vm.deleteIamUsersProperty());
        delete.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.PREVIEW));
        VBox offered = new VBox(4);
        offered.setId("offered-accounts");
        vm.offered().addListener((javafx.collections.ListChangeListener<AccountRef>) c -> fillOffered(offered));
        VBox box = new VBox(8, title, message, delete, offered);
        box.setPadding(new Insets(0, 0, 12, 0));
        return box;
    }

    private void fillOffered(VBox offered) {
        offered.getChildren().clear();
        if (vm.offered().isEmpty()) {
            return;
        }
        Label l = new Label("Accounts nobody owns that look like this person's (not included unless ticked):");
        l.getStyleClass().add("muted-text");
        offered.getChildren().add(l);
        for (AccountRef a : vm.offered()) {
            CheckBox cb = new CheckBox(a.system() + (a.env() == null ? "" : " " + a.env()) + ": " + a.name());
            cb.setSelected(vm.isIncluded(a));
            cb.selectedProperty().addListener((o, was, now) -> vm.include(a, now));
            cb.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.PREVIEW));
            offered.getChildren().add(cb);
        }
    }

    private Parent steps() {
        TableView<StepRow> table = new TableView<>(vm.rows());
        table.setId("plan-steps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("#", r -> Integer.toString(r.step().index() + 1), 40));
        table.getColumns().add(col("System", r -> r.step().executorKey(), 90));
        table.getColumns().add(col("Action", r -> r.step().action(), 240));
        table.getColumns().add(col("Target", r -> r.step().target(), 240));
        TableColumn<StepRow, String> state = new TableColumn<>("Result");
        state.setPrefWidth(90);
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("step-done", "step-failed", "step-skipped", "step-started");
                if (!empty && s != null && !s.equals("PENDING")) {
                    getStyleClass().add("step-" + s.toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        table.getColumns().add(state);
        TableColumn<StepRow, String> detail = new TableColumn<>("Detail");
        detail.setPrefWidth(320);
        detail.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().messageProperty().get().isEmpty() ? c.getValue().step().description() : c.getValue().messageProperty().get(),
                c.getValue().messageProperty()));
        table.getColumns().add(detail);
        table.setPlaceholder(new Label("Building the plan…"));
        return table;
    }

    private static TableColumn<StepRow, String> col(String title, java.util.function.Function<StepRow, String> f, double w) {
        TableColumn<StepRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    private Parent footer() {
        workspaceToken.setId("workspace-token");
        workspaceToken.setPromptText("Workspace access token with admin.directory write scopes");
        githubToken.setId("github-token");
        githubToken.setPromptText("GitHub token with admin:org");
        Button grant = new Button("Grant with Google…");
        grant.setId("workspace-token-google");
        grant.setTooltip(new javafx.scene.control.Tooltip("Sign in as " + session.signedInEmail().orElse("the admin")
                + " in the browser to grant the Workspace write scopes for this run only; nothing is stored."));
        boolean signedIn = session.signedInEmail().isPresent();
        grant.visibleProperty().bind(workspaceToken.visibleProperty().and(Bindings.createBooleanBinding(() -> signedIn)));
        grant.managedProperty().bind(grant.visibleProperty());
        granted.setId("workspace-token-granted");
        granted.visibleProperty().bind(granted.textProperty().isNotEmpty());
        granted.managedProperty().bind(granted.visibleProperty());
        granted.getStyleClass().add("muted-text");
        grant.setOnAction(e -> {
            grant.setDisable(true);
            granted.setText("Waiting for Google in the browser…");
            session.actionToken(dev.palisade.auth.GoogleSignIn.OFFBOARDING_SCOPES).whenCompleteAsync((token, t) -> {
                grant.setDisable(false);
                if (t != null) {
                    Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
                    granted.setText("Google did not grant the Workspace scopes: " + cause.getMessage());
                    return;
                }
                workspaceToken.setText(new String(token));
                java.util.Arrays.fill(token, '\0');
                granted.setText("Granted by " + session.signedInEmail().orElse("the admin") + " for this run; not stored.");
            }, javafx.application.Platform::runLater);
        });
        HBox tokens = new HBox(8, workspaceToken, grant, githubToken);
        tokens.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(workspaceToken, Priority.ALWAYS);
        HBox.setHgrow(githubToken, Priority.ALWAYS);
        Label tokensHint = new Label("Write credentials are used for this run only and forgotten afterwards. "
                + "AWS steps use each environment's actionProfile.");
        tokensHint.getStyleClass().add("muted-text");
        tokensHint.setWrapText(true);

        TextField confirm = new TextField();
        confirm.setId("confirm-email");
        confirm.promptTextProperty().bind(Bindings.createStringBinding(
                () -> vm.planProperty().get() == null ? "" : "Type " + vm.planProperty().get().subject() + " to confirm",
                vm.planProperty()));
        confirm.textProperty().bindBidirectional(vm.confirmationProperty());
        confirm.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.PREVIEW));
        HBox.setHgrow(confirm, Priority.ALWAYS);

        Button run = new Button("Run plan");
        run.setId("run-plan");
        run.getStyleClass().add("danger");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canRunBinding().not());
        run.setOnAction(e -> vm.run(workspaceToken.getText().toCharArray(), githubToken.getText().toCharArray())
                .whenComplete((r, t) -> clearTokens()));
        Button resume = new Button("Resume");
        resume.setId("resume-run");
        resume.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.FAILED));
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> vm.resume(workspaceToken.getText().toCharArray(), githubToken.getText().toCharArray())
                .whenComplete((r, t) -> clearTokens()));
        Button export = new Button("Export record…");
        export.setId("export-record");
        export.disableProperty().bind(vm.runProperty().isNull());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the offboarding record");
            var dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.exportRecordAsync(dir.toPath());
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> getScene().getWindow().hide());
        close.disableProperty().bind(vm.phaseProperty().isEqualTo(Phase.RUNNING));

        ProgressBar progress = new ProgressBar();
        progress.setId("run-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);

        Label verification = new Label();
        verification.setId("verification");
        verification.setWrapText(true);
        verification.textProperty().bind(Bindings.createStringBinding(() -> {
            var v = vm.verificationProperty().get();
            if (v == null) {
                return "";
            }
            return v.clean() ? "✔ Verified clean by rescan " + v.snapshotId()
                    : "Still open after rescan " + v.snapshotId() + ":\n• " + String.join("\n• ", v.stillOpen());
        }, vm.verificationProperty()));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, confirm, run, resume, export, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, tokens, granted, tokensHint, verification, progress, buttons);
        box.setPadding(new Insets(12, 0, 0, 0));
        tokens.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.planTouches("google") || vm.planTouches("github"), vm.planProperty()));
        tokens.managedProperty().bind(tokens.visibleProperty());
        workspaceToken.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.planTouches("google"), vm.planProperty()));
        githubToken.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.planTouches("github"), vm.planProperty()));
        return box;
    }

    private void clearTokens() {
        javafx.application.Platform.runLater(() -> {
            if (vm.phaseProperty().get() == Phase.DONE) {
                workspaceToken.clear();
                githubToken.clear();
                granted.setText("");
            }
        });
    }
}
