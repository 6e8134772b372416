package dev.palisade.ui.common;

import dev.palisade.core.Snapshot;
import dev.palisade.ui.shell.ShellViewModel;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A screen that shows the viewed snapshot: its content when there is one, else an empty state that
 * says to run the first scan; a "not configured" hint above the content when the screen's source
 * is not in palisade.yaml.
 */
public abstract class SnapshotScreen extends StackPane {
    protected final ShellViewModel shell;
    private final BorderPane withContent = new BorderPane();
    private final Node empty;
    private final Node opening;
    private Node content;

    protected SnapshotScreen(ShellViewModel shell, String title) {
        this.shell = shell;
        getStyleClass().add("screen");
        Label h = new Label(title);
        h.getStyleClass().add("screen-title");
        VBox top = new VBox(6, h);
        top.setPadding(new Insets(0, 0, 10, 0));
        withContent.setTop(top);
        empty = emptyState();
        Label wait = new Label("Opening the latest snapshot…");
        wait.getStyleClass().add("muted-text");
        StackPane waiting = new StackPane(wait);
        waiting.setId("opening-snapshot");
        opening = waiting;
        shell.snapshotProperty().addListener((o, a, b) -> update(b));
        shell.loadingProperty().addListener((o, a, b) -> {
            if (shell.snapshotProperty().get() == null) {
                update(null);
            }
        });
        update(shell.snapshotProperty().get());
    }

    private Node emptyState() {
        FontIcon icon = new FontIcon(Feather.INBOX);
        icon.getStyleClass().add("empty-icon");
        Label t = new Label("No snapshots yet");
        t.getStyleClass().add("empty-title");
        Label hint = new Label("Run your first scan: press \"Scan now\" in the header (Ctrl+R). Palisade reads the sources "
                + "configured in palisade.yaml and stores the result as a snapshot you can review offline.");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.getStyleClass().add("empty-hint");
        Button scan = new Button("Run your first scan");
        scan.getStyleClass().add("accent");
        scan.setOnAction(e -> shell.scan());
        scan.disableProperty().bind(shell.scanningProperty());
        VBox box = new VBox(12, icon, t, hint, scan);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    private void update(Snapshot s) {
        if (s == null) {
            // while the store is being opened and read, "no snapshots yet" would not be true
            getChildren().setAll(shell.loadingProperty().get() ? opening : empty);
            return;
        }
        if (content == null) {
            content = buildContent();
            withContent.setCenter(content);
        }
        VBox top = (VBox) withContent.getTop();
        top.getChildren().removeIf(n -> n.getStyleClass().contains("not-configured"));
        notConfigured(s).ifPresent(msg -> {
            Label l = new Label(msg);
            l.setWrapText(true);
            l.getStyleClass().add("not-configured");
            l.setGraphic(new FontIcon(Feather.INFO));
            top.getChildren().add(l);
        });
        show(s);
        getChildren().setAll(withContent);
    }

    /** Builds the screen's nodes once. */
    protected abstract Node buildContent();

    /** Shows a snapshot (called on the FX thread, after {@link #buildContent()}). */
    protected abstract void show(Snapshot s);

    /** A hint on how to configure this screen's source, when it is not configured. */
    protected Optional<String> notConfigured(Snapshot s) {
        return Optional.empty();
    }
}
