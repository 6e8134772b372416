package dev.palisade.ui;

import dev.palisade.auth.PassphrasePrompt;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/**
 * Asks for the passphrase that protects Palisade's secrets in a dialog, for a worker thread that is
 * opening the workspace (it waits; the FX thread never does). Empty when the dialog is cancelled.
 */
public final class FxPassphrasePrompt implements PassphrasePrompt {
    @Override
    public Optional<char[]> ask(String question) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("The passphrase prompt waits for the person: call it off the FX thread.");
        }
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Runnable ask = new Runnable() {
            private int waits;

            @Override
            public void run() {
                // Wait (briefly) for the main window so the dialog is owned by it and shown above it.
                javafx.stage.Window owner = javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                        .findFirst().orElse(null);
                if (owner == null && waits++ < 100) {
                    javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(50));
                    later.setOnFinished(e -> Platform.runLater(this)); // showAndWait is not allowed inside an animation pulse
                    later.play();
                    return;
                }
                try {
                    answer.complete(show(question, owner));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        };
        // The workspace opens while JavaFX starts: wait (bounded) for the toolkit before asking.
        for (int attempt = 0; ; attempt++) {
            try {
                Platform.runLater(ask);
                break;
            } catch (IllegalStateException toolkitNotReady) {
                if (attempt > 600) {
                    return Optional.empty();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static Optional<char[]> show(String question, javafx.stage.Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Palisade passphrase");
        d.setHeaderText("Palisade keeps its store key and tokens encrypted");
        PasswordField field = new PasswordField();
        field.setId("passphrase-field");
        Label q = new Label(question.strip());
        q.setWrapText(true);
        Label hint = new Label("No OS keychain was found, so a passphrase protects them. "
                + "Headless runs read it from PALISADE_PASSPHRASE.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted-text");
        q.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        q.setMaxWidth(460);
        hint.setMaxWidth(460);
        VBox box = new VBox(8, q, field, hint);
        box.setPrefWidth(480);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Platform.runLater(field::requestFocus);
        Optional<ButtonType> r = d.showAndWait();
        if (r.isPresent() && r.get() == ButtonType.OK && !field.getText().isEmpty()) {
            char[] p = field.getText().toCharArray();
            field.clear();
            return Optional.of(p);
        }
        return Optional.empty();
    }
}
