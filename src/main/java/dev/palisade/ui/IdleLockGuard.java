package dev.palisade.ui;

import dev.palisade.auth.IdleLock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Locks the console after the idle period: any input resets the timer; once idle, the whole window
 * is covered (nothing readable behind it) until a fresh Google sign-in succeeds.
 */
public final class IdleLockGuard {
    private final IdleLock lock;
    private final SessionGate session;
    private final StackPane cover = new StackPane();
    private final Label message = new Label();
    private final Timeline poll;

    private IdleLockGuard(IdleLock lock, SessionGate session) {
        this.lock = lock;
        this.session = session;
        this.poll = new Timeline(new KeyFrame(Duration.seconds(10), e -> lock.poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    /** Wraps the scene's root so the lock screen can cover it, and starts watching input. */
    public static IdleLockGuard install(Scene scene, IdleLock lock, SessionGate session) {
        IdleLockGuard g = new IdleLockGuard(lock, session);
        Parent root = scene.getRoot();
        StackPane stack = new StackPane(root, g.buildCover());
        scene.setRoot(stack);
        scene.addEventFilter(InputEvent.ANY, e -> {
            if (!lock.isLocked()) {
                lock.touch();
            }
        });
        lock.onLock(() -> Platform.runLater(g::showLocked));
        g.poll.play();
        return g;
    }

    private Node buildCover() {
        cover.setId("lock-screen");
        cover.getStyleClass().add("lock-screen");
        cover.setStyle("-fx-background-color: -color-bg-default;");
        Label title = new Label("Palisade is locked");
        title.getStyleClass().add("title-2");
        message.setWrapText(true);
        message.setMaxWidth(480);
        message.setText("The session locked after a period without activity. Sign in with Google again to continue.");
        Button signIn = new Button("Sign in again");
        signIn.setId("unlock-button");
        signIn.setDefaultButton(true);
        signIn.setOnAction(e -> {
            signIn.setDisable(true);
            message.setText("Finish signing in in your browser…");
            session.signIn().whenComplete((email, t) -> Platform.runLater(() -> {
                signIn.setDisable(false);
                if (t != null) {
                    Throwable c = t.getCause() != null ? t.getCause() : t;
                    message.setText("Sign-in refused: " + c.getMessage());
                    return;
                }
                lock.unlock();
                cover.setVisible(false);
            }));
        });
        VBox box = new VBox(14, title, message, signIn);
        box.setAlignment(Pos.CENTER);
        cover.getChildren().add(box);
        cover.setVisible(false);
        return cover;
    }

    private void showLocked() {
        message.setText("The session locked after a period without activity. Sign in with Google again to continue.");
        cover.setVisible(true);
        cover.toFront();
    }
}
