package dev.palisade.ui.act;

import dev.palisade.act.ActionException;
import dev.palisade.act.AwsActionClients;
import dev.palisade.act.KeyRotation;
import dev.palisade.act.Offboarding;
import dev.palisade.core.Snapshot;
import dev.palisade.scan.Workspace;
import dev.palisade.ui.ActionLauncher;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the offboarding wizard and the key rotation in their own windows. */
public final class ActionDialogs implements ActionLauncher {
    private final AwsActionClients aws;
    private final Supplier<dev.palisade.ui.SessionGate> session;
    private final Supplier<String> actor;
    private final Executor background;
    private final Clock clock;

    /**
     * @param actor who acts: the signed-in admin's email, else the OS user
     */
    public ActionDialogs(AwsActionClients aws, Supplier<String> actor, Executor background, Clock clock) {
        this(aws, actor, background, clock, () -> dev.palisade.ui.SessionGate.NONE);
    }

    /** @param session the console's sign-in when an action opens (it can grant write scopes for one run) */
    public ActionDialogs(AwsActionClients aws, Supplier<String> actor, Executor background, Clock clock,
                         Supplier<dev.palisade.ui.SessionGate> session) {
        this.session = session;
        this.aws = aws;
        this.actor = actor;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public void offboard(Workspace workspace, Snapshot latest, String email) {
        refuseDemo(workspace);
        Offboarding offboarding = new Offboarding(workspace, workspace.actions(), aws, actor.get(), clock);
        OffboardingViewModel vm = new OffboardingViewModel(offboarding, email, background, Platform::runLater);
        show("Offboard " + email, new OffboardingWizard(vm, session.get()), 1100, 720);
        vm.loadPlan();
    }

    @Override
    public void rotateKey(Workspace workspace, Snapshot latest, String env, String userName, String keyId) {
        refuseDemo(workspace);
        var ec = workspace.config().environments().get(env);
        if (ec == null) {
            throw new IllegalStateException("Environment " + env + " is no longer in palisade.yaml.");
        }
        try {
            KeyRotation rotation = new KeyRotation(aws.iam(ec), workspace.actions(), workspace.audit(), env, actor.get(), clock);
            KeyRotationViewModel vm = new KeyRotationViewModel(rotation, userName, keyId, background, Platform::runLater);
            show("Rotate " + keyId, new KeyRotationPane(vm), 760, 460);
        } catch (ActionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void refuseDemo(Workspace workspace) {
        if (workspace.isDemo()) {
            throw new IllegalStateException("The demo workspace is sample data: actions are disabled. "
                    + "Configure palisade.yaml to act on real systems.");
        }
    }

    private static void show(String title, Parent content, double w, double h) {
        Stage stage = new Stage();
        stage.setTitle(title + " — Palisade");
        Window owner = Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(content, w, h);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
