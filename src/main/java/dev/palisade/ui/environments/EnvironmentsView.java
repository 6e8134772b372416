package dev.palisade.ui.environments;

import dev.palisade.core.Snapshot;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.FindingsPane;
import dev.palisade.ui.common.FindingsViewModel;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.shell.ShellViewModel;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Environment × account matrix, resources per environment, and the separation findings. */
public final class EnvironmentsView extends SnapshotScreen {
    private static final double ROW = 32;
    private static final double HEADER = 38;
    private GridPane matrix;
    private TableView<EnvironmentsViewModel.EnvRow> table;
    private FindingsViewModel findings;
    private Label prod;

    public EnvironmentsView(ShellViewModel shell) {
        super(shell, "Environments");
    }

    @Override
    protected Node buildContent() {
        matrix = new GridPane();
        matrix.getStyleClass().addAll("card", "matrix");
        matrix.setId("env-matrix");
        matrix.setHgap(16);
        matrix.setVgap(8);
        table = new TableView<>();
        table.setId("env-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Cells.text("Environment", EnvironmentsViewModel.EnvRow::env, 110));
        table.getColumns().add(Cells.pill("Kind", r -> r.production() ? new Pill("production", Tone.HIGH) : new Pill("non-prod", Tone.NEUTRAL), 100));
        table.getColumns().add(Cells.text("Account", r -> r.account() == null ? "unknown: " + r.accountError() : r.account(), 130));
        table.getColumns().add(Cells.pill("Separation", r -> new Pill(r.separation(),
                r.account() == null ? Tone.UNKNOWN : r.sharedWith().isEmpty() ? Tone.GOOD : Tone.WARN), 250));
        table.getColumns().add(Cells.text("Buckets", r -> n(r.buckets()), 70));
        table.getColumns().add(Cells.text("Databases", r -> n(r.databases()), 80));
        table.getColumns().add(Cells.text("Log groups", r -> n(r.logGroups()), 80));
        table.getColumns().add(Cells.text("IAM users", r -> n(r.users()), 80));
        table.getColumns().add(Cells.text("Roles", r -> n(r.roles()), 70));
        table.setFixedCellSize(ROW);
        fitRows(3);
        Cells.placeholder(table, "No environment with an aws: block. Add one under environments: in palisade.yaml.");
        findings = new FindingsViewModel(FindingsViewModel.checks("env."));
        FindingsPane pane = new FindingsPane(findings, shell, "No separation findings match the filters.");
        VBox.setVgrow(pane, Priority.ALWAYS);
        Label f = new Label("Separation findings");
        f.getStyleClass().add("section-title");
        prod = new Label();
        prod.setId("prod-people");
        prod.setWrapText(true);
        return new VBox(12, matrix, prod, table, f, pane);
    }

    private static String n(int c) {
        return c < 0 ? "?" : String.valueOf(c);
    }

    @Override
    protected void show(Snapshot s) {
        EnvironmentsViewModel.Matrix m = EnvironmentsViewModel.of(s);
        matrix.getChildren().clear();
        Label corner = new Label("Environment \\ AWS account");
        corner.getStyleClass().add("muted-text");
        matrix.add(corner, 0, 0);
        for (int c = 0; c < m.accounts().size(); c++) {
            Label a = new Label(m.accounts().get(c));
            a.getStyleClass().add("matrix-head");
            matrix.add(a, c + 1, 0);
        }
        for (int r = 0; r < m.rows().size(); r++) {
            EnvironmentsViewModel.EnvRow row = m.rows().get(r);
            Label e = new Label(row.env() + (row.production() ? "  (production)" : ""));
            e.getStyleClass().add("matrix-head");
            matrix.add(e, 0, r + 1);
            for (int c = 0; c < m.accounts().size(); c++) {
                if (m.in(row, m.accounts().get(c))) {
                    Pill p = new Pill(row.sharedWith().isEmpty() ? "dedicated" : "shared with " + String.join(", ", row.sharedWith()),
                            row.sharedWith().isEmpty() ? Tone.GOOD : Tone.WARN);
                    matrix.add(p, c + 1, r + 1);
                    GridPane.setHalignment(p, javafx.geometry.HPos.CENTER);
                }
            }
            if (row.account() == null) {
                Pill p = new Pill("account unknown", Tone.UNKNOWN);
                matrix.add(p, 1, r + 1);
            }
        }
        matrix.setAlignment(Pos.TOP_LEFT);
        table.getItems().setAll(m.rows());
        fitRows(m.rows().size());
        int limit = shell.workspace().config().thresholds().maxProdPeople();
        prod.setText("Who can reach production: " + (m.prodPeople().isEmpty() ? "nobody linked" : String.join(", ", m.prodPeople()))
                + " (" + m.prodPeople().size() + " of at most " + limit + ")" + (m.unownedProd() > 0 ? ", plus " + m.unownedProd() + " account(s) nobody owns" : "") + ".");
        for (Tone t : Tone.values()) {
            prod.pseudoClassStateChanged(t.pseudoClass(), false);
        }
        prod.getStyleClass().add("prod-people");
        prod.pseudoClassStateChanged((m.prodPeople().size() > limit || m.unownedProd() > 0 ? Tone.WARN : Tone.GOOD).pseudoClass(), true);
        findings.setFindings(s.findings());
    }

    @Override
    protected Optional<String> notConfigured(Snapshot s) {
        if (s.inventory() == null || s.inventory().aws().isEmpty()) {
            return Optional.of("No AWS environment in this snapshot. Add environments: with an aws: block (profile, regions) "
                    + "to palisade.yaml, e.g. environments: { prod: { production: true, aws: { profile: acme-prod } } }.");
        }
        return Optional.empty();
    }

    /** Every environment in view without scrolling (up to eight; then the table scrolls). */
    private void fitRows(int rows) {
        double h = HEADER + Math.max(3, Math.min(8, rows)) * ROW + 6;
        table.setMinHeight(h);
        table.setPrefHeight(h);
    }
}
