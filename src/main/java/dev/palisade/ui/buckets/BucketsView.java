package dev.palisade.ui.buckets;

import dev.palisade.core.Snapshot;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.FindingsPane;
import dev.palisade.ui.common.FindingsViewModel;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.shell.ShellViewModel;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.geometry.Orientation;

/** Every bucket with its posture, and the S3 findings; selecting a bucket narrows the findings to it. */
public final class BucketsView extends SnapshotScreen {
    private TableView<BucketsViewModel.BucketRow> table;
    private FindingsViewModel findings;

    public BucketsView(ShellViewModel shell) {
        super(shell, "Buckets");
    }

    @Override
    protected Node buildContent() {
        table = new TableView<>();
        table.setId("bucket-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Cells.text("Bucket", BucketsViewModel.BucketRow::name, 190));
        table.getColumns().add(Cells.text("Env", BucketsViewModel.BucketRow::env, 70));
        table.getColumns().add(Cells.pill("Encryption", r -> r.encryption().pill(), 200));
        table.getColumns().add(Cells.pill("Block public", r -> r.publicAccessBlock().pill(), 110));
        table.getColumns().add(Cells.pill("TLS-only", r -> r.tlsOnly().pill(), 110));
        table.getColumns().add(Cells.pill("Public", r -> r.publicPolicy().pill(), 90));
        table.getColumns().add(Cells.pill("Versioning", r -> r.versioning().pill(), 100));
        table.getColumns().add(Cells.pill("Logging", r -> r.logging().pill(), 150));
        Cells.placeholder(table, "No buckets in this snapshot. Buckets come from the aws: block of each environment in palisade.yaml.");
        findings = new FindingsViewModel(FindingsViewModel.checks("s3."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> findings.textProperty().set(b == null ? "" : b.name()));
        FindingsPane pane = new FindingsPane(findings, shell, "No S3 findings match the filters.");
        Label hint = new Label("Select a bucket to see only its findings; clear the search to see all.");
        hint.getStyleClass().add("muted-text");
        javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox(6, hint, pane);
        javafx.scene.layout.VBox.setVgrow(pane, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    @Override
    protected void show(Snapshot s) {
        table.getItems().setAll(BucketsViewModel.rows(s));
        findings.setFindings(s.findings());
    }

    @Override
    protected Optional<String> notConfigured(Snapshot s) {
        if (s.inventory() == null || s.inventory().aws().isEmpty()) {
            return Optional.of("No AWS environment was scanned. Add an aws: block with a profile to an environment in palisade.yaml.");
        }
        return Optional.empty();
    }
}
