package dev.palisade.ui.audit;

import dev.palisade.store.AuditEntry;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.shell.ShellViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The audit log with its chain verification. */
public final class AuditView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");
    private final AuditViewModel vm;

    public AuditView(ShellViewModel shell) {
        this.vm = new AuditViewModel(shell);
        getStyleClass().add("screen");
        setSpacing(10);
        Label title = new Label("Audit log");
        title.getStyleClass().add("screen-title");
        Label chain = new Label();
        chain.setId("chain-indicator");
        chain.getStyleClass().add("chain-indicator");
        vm.chainProperty().addListener((o, a, b) -> {
            chain.setText(b.text());
            chain.setGraphic(new FontIcon(b.intact() ? Feather.SHIELD : b.checked() ? Feather.ALERT_TRIANGLE : Feather.LOADER));
            for (Tone t : Tone.values()) {
                chain.pseudoClassStateChanged(t.pseudoClass(), false);
            }
            chain.pseudoClassStateChanged((b.intact() ? Tone.GOOD : b.checked() ? Tone.BAD : Tone.NEUTRAL).pseudoClass(), true);
        });
        chain.setText(vm.chainProperty().get().text());
        TextField search = TextFields.createClearableTextField();
        search.setPromptText("Search actor, action, target…");
        search.textProperty().bindBidirectional(vm.textProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button refresh = new Button("Verify again", new FontIcon(Feather.REFRESH_CW));
        refresh.setOnAction(e -> vm.refresh());
        HBox bar = new HBox(8, chain, search, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        TableView<AuditEntry> table = new TableView<>(vm.shown());
        table.setId("audit-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Cells.text("#", e -> String.valueOf(e.seq()), 50));
        table.getColumns().add(Cells.text("Time", e -> TIME.format(e.at()), 150));
        table.getColumns().add(Cells.text("Actor", AuditEntry::actor, 160));
        table.getColumns().add(Cells.text("Action", AuditEntry::action, 130));
        table.getColumns().add(Cells.text("Target", AuditEntry::target, 260));
        table.getColumns().add(Cells.pill("Outcome", e -> new Pill(e.outcome(), "ok".equalsIgnoreCase(e.outcome()) || "success".equalsIgnoreCase(e.outcome())
                ? Tone.GOOD : Tone.WARN), 90));
        table.getColumns().add(Cells.text("Details", AuditEntry::details, 300));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEntry item, boolean empty) {
                super.updateItem(item, empty);
                var b = vm.chainProperty().get().firstBroken();
                pseudoClassStateChanged(BROKEN, !empty && item != null && b != null && item.seq() >= b.seq());
            }
        });
        Cells.placeholder(table, "No audit entries yet. Scans, triage changes, sign-ins and actions are recorded here.");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, bar, table);
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.refresh();
            }
        });
        visibleProperty().addListener((o, a, b) -> {
            if (b) {
                vm.refresh();
            }
        });
    }

    public AuditViewModel viewModel() {
        return vm;
    }
}
