package dev.palisade.ui.certificates;

import dev.palisade.core.Snapshot;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.FindingsPane;
import dev.palisade.ui.common.FindingsViewModel;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.shell.ShellViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** TLS endpoints and ACM certificates by urgency, with a days-left bar, the chain and the TLS/ACM findings. */
public final class CertificatesView extends SnapshotScreen {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private TableView<CertificatesViewModel.CertRow> table;
    private VBox chain;
    private FindingsViewModel findings;

    public CertificatesView(ShellViewModel shell) {
        super(shell, "Certificates");
    }

    @Override
    protected Node buildContent() {
        table = new TableView<>();
        table.setId("cert-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Cells.text("Kind", CertificatesViewModel.CertRow::kind, 60));
        table.getColumns().add(Cells.text("Name", CertificatesViewModel.CertRow::name, 170));
        table.getColumns().add(Cells.text("Address / where", CertificatesViewModel.CertRow::address, 130));
        table.getColumns().add(daysColumn());
        table.getColumns().add(Cells.pill("Host", r -> r.hostname().pill(), 85));
        table.getColumns().add(Cells.pill("Chain / renewal", r -> r.chain().pill(), 120));
        table.getColumns().add(Cells.pill("Redirect / use", r -> new dev.palisade.ui.common.Pill(
                CertificatesViewModel.shortRedirect(r.redirect().text()), r.redirect().tone()), 120));
        table.getColumns().add(Cells.pill("HSTS", r -> r.hsts().pill(), 115));
        Cells.placeholder(table, "No certificates in this snapshot. Add domains: to palisade.yaml for TLS endpoints; ACM certificates come from each environment's aws: regions.");
        chain = new VBox(6);
        chain.getStyleClass().addAll("card", "chain-card");
        chain.setId("chain-list");
        chain.setPrefWidth(300);
        chain.setMinWidth(240);
        showChain(null);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            showChain(b);
            findings.textProperty().set(b == null ? "" : b.name());
        });
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox top = new HBox(10, table, chain);
        findings = new FindingsViewModel(FindingsViewModel.checks("tls.", "acm."));
        FindingsPane pane = new FindingsPane(findings, shell, "No certificate findings match the filters.");
        SplitPane split = new SplitPane(top, pane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private TableColumn<CertificatesViewModel.CertRow, CertificatesViewModel.CertRow> daysColumn() {
        return dev.palisade.ui.common.Cells.bar("Expiry", r -> new dev.palisade.ui.common.Cells.Bar(
                r.daysLeft() == null ? 0 : Math.max(0.02, r.fraction()), r.expiryTone(), r.expiryText()), 150);
    }

    private void showChain(CertificatesViewModel.CertRow r) {
        chain.getChildren().clear();
        Label t = new Label("Details");
        t.getStyleClass().add("section-title");
        chain.getChildren().add(t);
        if (r == null) {
            Label l = new Label("Select a certificate to see its presented chain.");
            l.setWrapText(true);
            l.getStyleClass().add("empty-hint");
            chain.getChildren().add(l);
            return;
        }
        Label name = new Label(r.name() + "  ·  " + r.address());
        name.setWrapText(true);
        chain.getChildren().add(name);
        if (r.problem() != null) {
            Label p = new Label("Could not check: " + r.problem());
            p.setWrapText(true);
            p.getStyleClass().add("danger-text");
            chain.getChildren().add(p);
        }
        if (r.kind().equals("TLS")) {
            Label redirect = new Label("HTTP → HTTPS: " + r.redirect().text());
            redirect.setWrapText(true);
            chain.getChildren().add(redirect);
            chain.getChildren().add(new Label("HSTS: " + r.hsts().text()));
        }
        if (!r.issuer().isBlank()) {
            chain.getChildren().add(new Label("Issuer: " + r.issuer()));
        }
        if (r.links().isEmpty()) {
            Label l = new Label(r.kind().equals("ACM") ? "ACM certificate: the chain is managed by AWS." : "No chain was presented.");
            l.getStyleClass().add("muted-text");
            l.setWrapText(true);
            chain.getChildren().add(l);
            return;
        }
        Label ct = new Label("Presented chain (leaf first)");
        ct.getStyleClass().add("detail-section");
        chain.getChildren().add(ct);
        for (CertificatesViewModel.ChainLink link : r.links()) {
            FontIcon icon = new FontIcon(link.failing() ? Feather.X_CIRCLE : Feather.CHECK_CIRCLE);
            icon.getStyleClass().add(link.failing() ? "icon-bad" : "icon-good");
            Label l = new Label(link.subject() + "\nissued by " + link.issuer() + (link.notAfter() == null ? "" : "\nvalid until " + DAY.format(link.notAfter())), icon);
            l.setWrapText(true);
            l.getStyleClass().add(link.failing() ? "chain-failing" : "chain-ok");
            chain.getChildren().add(l);
        }
    }

    @Override
    protected void show(Snapshot s) {
        table.getItems().setAll(CertificatesViewModel.rows(s, s.finishedAt() == null ? shell.clock().instant() : s.finishedAt()));
        findings.setFindings(s.findings());
    }

    @Override
    protected Optional<String> notConfigured(Snapshot s) {
        if (s.inventory() == null || s.inventory().tls() == null) {
            return Optional.of("TLS endpoints were not scanned. List your domains in palisade.yaml under domains: (e.g. - app.acme.example) and run a scan.");
        }
        return Optional.empty();
    }
}
