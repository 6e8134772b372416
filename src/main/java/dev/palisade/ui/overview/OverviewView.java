package dev.palisade.ui.overview;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.shell.Screen;
import dev.palisade.ui.shell.ShellViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Score, counters by severity, trend over stored snapshots, per-source status, one tile per area. */
public final class OverviewView extends SnapshotScreen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());
    private HBox counters;
    private LineChart<String, Number> chart;
    private VBox sources;
    private GridPane tiles;
    private Label change;

    public OverviewView(ShellViewModel shell) {
        super(shell, "Overview");
        shell.summaries().addListener((javafx.collections.ListChangeListener<? super dev.palisade.store.SnapshotSummary>) c -> {
            if (shell.snapshotProperty().get() != null && counters != null) {
                show(shell.snapshotProperty().get());
            }
        });
    }

    @Override
    protected Node buildContent() {
        counters = new HBox(10);
        counters.setId("overview-counters");
        change = new Label();
        change.getStyleClass().add("muted-text");
        change.setId("overview-change");
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("Findings");
        y.setForceZeroInRange(true);
        chart = new LineChart<>(x, y);
        chart.setTitle("Failing findings over stored snapshots");
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        chart.setId("trend-chart");
        sources = new VBox(6);
        sources.setId("overview-sources");
        Label st = new Label("Sources");
        st.getStyleClass().add("section-title");
        VBox srcBox = new VBox(8, st, sources);
        srcBox.getStyleClass().add("card");
        srcBox.setPrefWidth(360);
        srcBox.setMinWidth(300);
        HBox.setHgrow(chart, Priority.ALWAYS);
        VBox chartCard = new VBox(chart);
        chartCard.getStyleClass().add("card");
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        HBox middle = new HBox(12, chartCard, srcBox);
        tiles = new GridPane();
        tiles.setHgap(12);
        tiles.setVgap(12);
        tiles.setId("area-tiles");
        VBox all = new VBox(14, counters, change, middle, tiles);
        all.setPadding(new Insets(0, 4, 12, 0));
        ScrollPane sp = new ScrollPane(all);
        sp.setFitToWidth(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }

    @Override
    protected void show(Snapshot s) {
        OverviewViewModel.Overview o = OverviewViewModel.of(s, shell.summaries());
        counters.getChildren().setAll(counter(o.score() < 0 ? "—" : o.score() + " %", "passing checks",
                o.score() < 0 ? Tone.NEUTRAL : o.score() >= 90 ? Tone.GOOD : o.score() >= 70 ? Tone.WARN : Tone.BAD, "score"));
        for (Severity v : Severity.values()) {
            int n = o.failBySeverity().get(v);
            counters.getChildren().add(counter(String.valueOf(n), v.name().charAt(0) + v.name().substring(1).toLowerCase(),
                    n == 0 ? Tone.NEUTRAL : Tone.of(v), "count-" + v.name().toLowerCase()));
        }
        counters.getChildren().add(counter(String.valueOf(o.error()), "Could not check", o.error() == 0 ? Tone.NEUTRAL : Tone.UNKNOWN, "count-error"));
        counters.getChildren().add(counter(String.valueOf(o.muted()), "Muted", Tone.NEUTRAL, "count-muted"));
        change.setText(o.changeSincePrevious());
        // The exact diff needs the previous snapshot read and decoded: start it once this one is on screen,
        // so that it does not compete with the first paint (the counts above already tell the change).
        dev.palisade.ui.common.Frames.afterNextFrame(getScene(), () -> OverviewViewModel.previous(s, shell.summaries()).ifPresent(prev -> shell.load(prev.id())
                .thenApply(p -> dev.palisade.ui.snapshots.SnapshotDiff.of(p, s))
                .whenCompleteAsync((d, t) -> {
                    // a newer snapshot may be showing by now; only annotate the one we diffed
                    if (t == null && shell.snapshotProperty().get() != null && shell.snapshotProperty().get().id().equals(s.id())) {
                        change.setText(OverviewViewModel.changeText(d));
                    }
                }, shell.fx())));

        chart.getData().clear();
        XYChart.Series<String, Number> failing = new XYChart.Series<>();
        failing.setName("Failing");
        XYChart.Series<String, Number> errors = new XYChart.Series<>();
        errors.setName("Could not check");
        XYChart.Series<String, Number> critHigh = new XYChart.Series<>();
        critHigh.setName("Critical + high");
        for (OverviewViewModel.TrendPoint p : o.trend()) {
            String label = DAY.format(p.at());
            failing.getData().add(new XYChart.Data<>(label, p.fail()));
            errors.getData().add(new XYChart.Data<>(label, p.error()));
            int[] b = p.failBySeverity();
            critHigh.getData().add(new XYChart.Data<>(label, b == null || b.length < 2 ? 0 : b[0] + b[1]));
        }
        chart.getData().add(failing);
        chart.getData().add(critHigh);
        chart.getData().add(errors);

        sources.getChildren().clear();
        if (o.sources().isEmpty()) {
            Label l = new Label("No source was part of this scan. Configure environments:, domains:, google: or github: in palisade.yaml.");
            l.setWrapText(true);
            l.getStyleClass().add("empty-hint");
            sources.getChildren().add(l);
        }
        for (OverviewViewModel.SourceLine line : o.sources()) {
            Pill p = new Pill(line.state().name(), line.state() == SourceState.OK ? Tone.GOOD
                    : line.state() == SourceState.PARTIAL ? Tone.WARN : Tone.BAD);
            Label n = new Label(line.name());
            n.getStyleClass().add("source-name");
            HBox row = new HBox(8, p, n);
            row.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, row);
            if (line.message() != null && !line.message().isBlank()) {
                Label m = new Label(line.message());
                m.setWrapText(true);
                m.getStyleClass().add("source-message");
                box.getChildren().add(m);
            }
            sources.getChildren().add(box);
        }

        tiles.getChildren().clear();
        int i = 0;
        for (OverviewViewModel.AreaTile t : o.tiles()) {
            tiles.add(tile(t), i % 3, i / 3);
            i++;
        }
    }

    private static VBox counter(String value, String label, Tone tone, String id) {
        Label v = new Label(value);
        v.getStyleClass().add("counter-value");
        Label l = new Label(label);
        l.getStyleClass().add("counter-label");
        VBox box = new VBox(2, v, l);
        box.getStyleClass().addAll("card", "counter");
        box.pseudoClassStateChanged(tone.pseudoClass(), true);
        box.setId(id);
        box.setMinWidth(104);
        return box;
    }

    private Node tile(OverviewViewModel.AreaTile t) {
        Label title = new Label(t.area().title());
        title.getStyleClass().add("section-title");
        Pill count = new Pill(t.open() == 0 ? "all clear" : t.open() + " open", t.open() == 0 ? Tone.GOOD : Tone.BAD);
        HBox head = new HBox(8, title, count);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head);
        for (Finding f : t.worst()) {
            Label l = new Label(f.message());
            l.setGraphic(Pill.of(f.severity()));
            l.setWrapText(false);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            box.getChildren().add(l);
        }
        if (t.worst().isEmpty()) {
            Label l = new Label(t.pass() == 0 ? "Nothing evaluated in this area." : t.pass() + " checks passing.");
            l.getStyleClass().add("muted-text");
            box.getChildren().add(l);
        }
        box.getStyleClass().addAll("card", "area-tile");
        box.setPrefWidth(380);
        box.setMinWidth(260);
        GridPane.setHgrow(box, Priority.ALWAYS);
        box.setOnMouseClicked(e -> shell.screenProperty().set(switch (t.area()) {
            case ENVIRONMENTS -> Screen.ENVIRONMENTS;
            case BUCKETS -> Screen.BUCKETS;
            case CERTIFICATES -> Screen.CERTIFICATES;
            case ISSUES -> Screen.ISSUES;
            case ACCESS -> Screen.ACCESS;
        }));
        return box;
    }
}
