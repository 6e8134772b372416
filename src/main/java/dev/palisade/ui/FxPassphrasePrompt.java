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
        Platform.runLater(() -> {
            try {
                answer.complete(show(question));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static Optional<char[]> show(String question) {
        Dialog<ButtonType> d = new Dialog<>();
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
        VBox box = new VBox(8, q, field, hint);
        box.setPrefWidth(440);
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
