package dev.palisade.ui.common;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Callback;

/** Table columns built from plain functions over a row record. */
public final class Cells {
    private Cells() {
    }

    public static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, Math.max(40, width * 0.8)));
        return c;
    }

    /** A column showing a {@link Pill}; {@code pill} may return null for an empty cell. */
    public static <R> TableColumn<R, R> pill(String title, Function<R, Pill> pill, double width) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : pill.apply(item));
            }
        });
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }

    /** What a {@link #bar} cell shows: how full (0..1), its colour, and the text over it. */
    public record Bar(double fraction, Tone tone, String text) {
    }

    /** A column showing a progress bar coloured by {@link Tone} with a label over it (days left, age vs SLA). */
    public static <R> TableColumn<R, R> bar(String title, Function<R, Bar> bar, double width) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 140));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
            private final javafx.scene.control.Label text = new javafx.scene.control.Label();
            private final javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(progress, text);

            {
                progress.getStyleClass().add("days-bar");
                progress.setMaxWidth(Double.MAX_VALUE);
                text.getStyleClass().add("days-text");
            }

            @Override
            protected void updateItem(R r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                Bar b = bar.apply(r);
                progress.setProgress(b.fraction());
                for (Tone t : Tone.values()) {
                    progress.pseudoClassStateChanged(t.pseudoClass(), t == b.tone());
                }
                text.setText(b.text());
                setGraphic(box);
            }
        });
        return c;
    }

    /** Shows a placeholder that explains what to do when the table is empty. */
    public static void placeholder(TableView<?> table, String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("empty-hint");
        table.setPlaceholder(l);
    }

    public static <R> Callback<TableView<R>, javafx.scene.control.TableRow<R>> rows() {
        return tv -> new javafx.scene.control.TableRow<>();
    }
}
