package dev.palisade.ui.issues;

import dev.palisade.core.Snapshot;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.ui.common.Cell;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.FindingsPane;
import dev.palisade.ui.common.FindingsViewModel;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.shell.ShellViewModel;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** Open security issues (age against the SLA), alert counts per repository, and triage of their findings. */
public final class IssuesView extends SnapshotScreen {
    private TableView<IssuesViewModel.IssueRow> issues;
    private TableView<IssuesViewModel.AlertRow> alerts;
    private FindingsViewModel findings;

    public IssuesView(ShellViewModel shell) {
        super(shell, "Security issues");
    }

    @Override
    protected Node buildContent() {
        issues = new TableView<>();
        issues.setId("issue-table");
        issues.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        issues.getColumns().add(Cells.pill("Severity", r -> Pill.of(r.severity()), 95));
        issues.getColumns().add(Cells.text("Issue", r -> r.title(), 210));
        issues.getColumns().add(Cells.text("Repository", r -> r.repository() + "#" + r.number(), 120));
        issues.getColumns().add(ageColumn());
        issues.getColumns().add(Cells.text("Assignee", r -> r.assignee() == null ? "—" : r.assignee(), 90));
        issues.getColumns().add(Cells.pill("Triage", r -> r.triage() == null ? null
                : r.triage().mutes(shell.clock().instant()) ? new Pill("muted", Tone.MUTED)
                : r.triage().owner() != null ? new Pill("owner " + r.triage().owner(), Tone.NEUTRAL) : null, 140));
        Cells.placeholder(issues, "No open security issues. Issues come from github: organization and securityLabels in palisade.yaml.");
        issues.setRowFactory(tv -> {
            javafx.scene.control.TableRow<IssuesViewModel.IssueRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    shell.openUrl(row.getItem().url());
                }
            });
            return row;
        });
        issues.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.finding() != null) {
                findings.statusProperty().set(FindingsViewModel.StatusFilter.ALL);
                findings.textProperty().set("");
                findings.selectedProperty().set(findings.all().stream()
                        .filter(f -> f.key().equals(b.finding().key())).findFirst().orElse(null));
            }
        });

        alerts = new TableView<>();
        alerts.setId("alert-table");
        alerts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        alerts.getColumns().add(Cells.text("Repository", IssuesViewModel.AlertRow::repository, 110));
        alerts.getColumns().add(Cells.pill("Dependabot", r -> counts(r.dependabot()).pill(), 180));
        alerts.getColumns().add(Cells.pill("Secret scanning", r -> counts(r.secretScanning()).pill(), 110));
        alerts.setPrefWidth(460);
        alerts.setMinWidth(380);
        Cells.placeholder(alerts, "No repositories read. Set github: organization in palisade.yaml and a token (tokenEnv).");

        SplitPane top = new SplitPane(issues, alerts);
        top.setDividerPositions(0.6);
        findings = new FindingsViewModel(FindingsViewModel.checks("issue.", "github.dependabot", "github.secret_scanning"));
        FindingsPane pane = new FindingsPane(findings, shell, "No security issue findings match the filters.");
        Label hint = new Label("Double-click an issue to open it in the browser. Mute or assign from the finding's detail.");
        hint.getStyleClass().add("muted-text");
        VBox bottom = new VBox(6, hint, pane);
        VBox.setVgrow(pane, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    private static Cell counts(AlertCounts c) {
        if (c == null) {
            return new Cell("unknown", Tone.UNKNOWN);
        }
        if (c.open() == 0) {
            return new Cell("none open", Tone.GOOD);
        }
        String detail = c.critical() + c.high() + c.medium() + c.low() == 0 ? "" : " (" + c.critical() + " crit, " + c.high() + " high)";
        return new Cell(c.open() + " open" + detail, c.critical() + c.high() > 0 ? Tone.BAD : Tone.WARN);
    }

    private TableColumn<IssuesViewModel.IssueRow, IssuesViewModel.IssueRow> ageColumn() {
        return Cells.bar("Age vs SLA", r -> new Cells.Bar(Math.max(0.02, r.slaFraction()),
                r.overdue() ? Tone.CRITICAL : r.slaFraction() > 0.75 ? Tone.HIGH : Tone.GOOD,
                r.ageDays() + " d / " + r.slaDays() + " d" + (r.overdue() ? " overdue" : "")), 150);
    }

    @Override
    protected void show(Snapshot s) {
        issues.getItems().setAll(IssuesViewModel.issues(s, shell.workspace().config().thresholds(),
                s.finishedAt() == null ? shell.clock().instant() : s.finishedAt()));
        alerts.getItems().setAll(IssuesViewModel.alerts(s));
        findings.setFindings(s.findings());
    }

    @Override
    protected Optional<String> notConfigured(Snapshot s) {
        if (s.inventory() == null || !s.inventory().hasGitHub()) {
            return Optional.of("GitHub was not scanned. Add github: { organization: your-org, tokenEnv: GITHUB_TOKEN } to palisade.yaml.");
        }
        return Optional.empty();
    }
}
