package dev.palisade.ui.snapshots;

import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.store.SnapshotSummary;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.shell.ShellViewModel;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Stored snapshots: open one read-only, or pick two and see what is new, fixed, regressed. */
public final class SnapshotsView extends SnapshotScreen {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private TableView<SnapshotSummary> list;
    private TableView<SnapshotDiff.Change> diff;
    private Label diffTitle;
    private SnapshotDiff lastDiff;
    private ComboBox<Object> kind;

    public SnapshotsView(ShellViewModel shell) {
        super(shell, "Snapshots");
    }

    @Override
    protected Node buildContent() {
        list = new TableView<>(shell.summaries());
        list.setId("snapshot-table");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().add(Cells.text("Started", s -> TIME.format(s.startedAt()), 140));
        list.getColumns().add(Cells.text("Id", SnapshotSummary::id, 200));
        list.getColumns().add(Cells.text("Took", s -> s.finishedAt() == null ? "" : Duration.between(s.startedAt(), s.finishedAt()).toSeconds() + " s", 60));
        list.getColumns().add(Cells.text("Pass", s -> String.valueOf(s.pass()), 60));
        list.getColumns().add(Cells.text("Fail", s -> String.valueOf(s.fail()), 60));
        list.getColumns().add(Cells.text("Error", s -> String.valueOf(s.error()), 60));
        list.getColumns().add(Cells.text("Muted", s -> String.valueOf(s.muted()), 60));
        list.getColumns().add(Cells.pill("Sources", s -> {
            long bad = s.sources().stream().filter(x -> x.status() != SourceState.OK).count();
            return bad == 0 ? new Pill("all OK", Tone.GOOD) : new Pill(bad + " of " + s.sources().size() + " failed", Tone.WARN);
        }, 120));
        list.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<SnapshotSummary>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    shell.open(row.getItem().id());
                }
            });
            return row;
        });
        Button open = new Button("Open read-only");
        open.setId("open-snapshot");
        open.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        open.setOnAction(e -> shell.open(list.getSelectionModel().getSelectedItem().id()));
        Button latest = new Button("Back to latest");
        latest.setId("back-to-latest");
        latest.disableProperty().bind(shell.viewingLatestBinding());
        latest.setOnAction(e -> shell.refresh());
        Button compare = new Button("Compare selected");
        compare.setId("compare-snapshots");
        compare.getStyleClass().add("accent");
        compare.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> compare(List.copyOf(list.getSelectionModel().getSelectedItems())));
        Label hint = new Label("Select one snapshot to open it, or two (Ctrl+click) to compare.");
        hint.getStyleClass().add("muted-text");
        HBox bar = new HBox(8, open, compare, latest, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox top = new VBox(8, bar, list);

        diffTitle = new Label("Pick two snapshots and press Compare to see what is new, fixed and regressed.");
        diffTitle.getStyleClass().add("section-title");
        diffTitle.setId("diff-title");
        kind = new ComboBox<>();
        kind.getItems().add("All changes");
        kind.getItems().addAll((Object[]) SnapshotDiff.Kind.values());
        kind.getSelectionModel().select(0);
        kind.valueProperty().addListener((o, a, b) -> showDiff());
        diff = new TableView<>();
        diff.setId("diff-table");
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        diff.getColumns().add(Cells.pill("Change", c -> new Pill(c.kind().name().replace('_', ' ').toLowerCase(),
                switch (c.kind()) {
                    case NEW -> Tone.BAD;
                    case REGRESSED -> Tone.CRITICAL;
                    case FIXED -> Tone.GOOD;
                    case STILL_FAILING -> Tone.NEUTRAL;
                }), 110));
        diff.getColumns().add(Cells.pill("Severity", c -> Pill.of(c.finding().severity()), 95));
        diff.getColumns().add(Cells.text("Check", c -> c.finding().check(), 180));
        diff.getColumns().add(Cells.text("Env", c -> c.finding().env() == null ? "" : c.finding().env(), 70));
        diff.getColumns().add(Cells.text("Message", c -> c.finding().message(), 500));
        Cells.placeholder(diff, "No comparison yet.");
        HBox dbar = new HBox(8, diffTitle, kind);
        dbar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(diff, Priority.ALWAYS);
        VBox bottom = new VBox(8, dbar, diff);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    /** Loads both snapshots off the FX thread and shows their diff. */
    public void compare(List<SnapshotSummary> two) {
        diffTitle.setText("Comparing…");
        shell.load(two.get(0).id()).thenCombine(shell.load(two.get(1).id()), SnapshotDiff::of)
                .whenCompleteAsync((d, t) -> {
                    if (t != null) {
                        diffTitle.setText("Comparison failed.");
                        shell.report("Could not compare the snapshots", t);
                        return;
                    }
                    lastDiff = d;
                    showDiff();
                }, shell.fx());
    }

    private void showDiff() {
        if (lastDiff == null) {
            return;
        }
        diffTitle.setText(lastDiff.olderId() + " → " + lastDiff.newerId() + ":  " + lastDiff.count(SnapshotDiff.Kind.NEW) + " new, "
                + lastDiff.count(SnapshotDiff.Kind.FIXED) + " fixed, " + lastDiff.count(SnapshotDiff.Kind.REGRESSED) + " regressed, "
                + lastDiff.count(SnapshotDiff.Kind.STILL_FAILING) + " still failing");
        Object k = kind.getValue();
        diff.getItems().setAll(lastDiff.changes().stream().filter(c -> !(k instanceof SnapshotDiff.Kind) || c.kind() == k).toList());
    }

    @Override
    protected void show(Snapshot s) {
        // the list is bound to the shell's summaries
    }
}
