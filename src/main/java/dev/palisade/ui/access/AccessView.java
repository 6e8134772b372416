package dev.palisade.ui.access;

import dev.palisade.core.Snapshot;
import dev.palisade.core.check.Area;
import dev.palisade.ui.ActionLauncher;
import dev.palisade.ui.common.Areas;
import dev.palisade.ui.common.Cell;
import dev.palisade.ui.common.Cells;
import dev.palisade.ui.common.FindingsPane;
import dev.palisade.ui.common.FindingsViewModel;
import dev.palisade.ui.common.Pill;
import dev.palisade.ui.common.SnapshotScreen;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.shell.ShellViewModel;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** People × systems, departed-but-active people, unowned accounts, and the entry points to offboard and rotate. */
public final class AccessView extends SnapshotScreen {
    private static final PseudoClass DEPARTED = PseudoClass.getPseudoClass("departed");
    private final ActionLauncher actions;
    private TableView<AccessViewModel.PersonRow> people;
    private TableView<AccessViewModel.UnownedRow> unowned;
    private Label departed;
    private FindingsViewModel findings;
    private List<String> columns = List.of();

    public AccessView(ShellViewModel shell, ActionLauncher actions) {
        super(shell, "Access");
        this.actions = actions;
        wireActions();
    }

    private Button offboard;
    private Button rotate;

    @Override
    protected Node buildContent() {
        departed = new Label();
        departed.setId("departed-banner");
        departed.getStyleClass().add("alert-banner");
        departed.setWrapText(true);
        departed.managedProperty().bind(departed.visibleProperty());
        people = new TableView<>();
        people.setId("people-table");
        people.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        people.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AccessViewModel.PersonRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(DEPARTED, !empty && item != null && item.departedActive());
            }
        });
        Cells.placeholder(people, "No people in this snapshot. People come from the Workspace directory (google:) and the people: links in palisade.yaml.");
        unowned = new TableView<>();
        unowned.setId("unowned-table");
        unowned.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        unowned.getColumns().add(Cells.text("System", r -> r.system() + (r.env() == null ? "" : " " + r.env()), 110));
        unowned.getColumns().add(Cells.text("Account", AccessViewModel.UnownedRow::name, 200));
        unowned.getColumns().add(Cells.pill("Access", r -> r.detail().pill(), 320));
        unowned.setPrefHeight(160);
        Cells.placeholder(unowned, "Every account is linked to a person.");

        offboard = new Button("Offboard…");
        offboard.setId("offboard-button");
        rotate = new Button("Rotate key…");
        rotate.setId("rotate-button");
        Label sel = new Label("Select a person, then:");
        sel.getStyleClass().add("muted-text");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, sel, offboard, rotate, grow);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label ut = new Label("Accounts nobody owns");
        ut.getStyleClass().add("section-title");
        VBox.setVgrow(people, Priority.ALWAYS);
        VBox peopleBox = new VBox(8, departed, bar, people, ut, unowned);

        findings = new FindingsViewModel(Areas.in(Area.ACCESS));
        FindingsPane pane = new FindingsPane(findings, shell, "No access findings match the filters.");
        TabPane tabs = new TabPane(new Tab("People × systems", peopleBox), new Tab("Findings", pane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("access-tabs");
        return tabs;
    }

    private void wireActions() {
        if (offboard == null) {
            return;
        }
        var none = people.getSelectionModel().selectedItemProperty().isNull();
        var readOnly = shell.viewingLatestBinding().not();
        offboard.disableProperty().bind(none.or(readOnly).or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !actions.available())));
        rotate.disableProperty().bind(none.or(readOnly).or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !actions.available()
                || people.getSelectionModel().getSelectedItem() == null
                || people.getSelectionModel().getSelectedItem().keys().isEmpty(), people.getSelectionModel().selectedItemProperty())));
        if (!actions.available()) {
            Tooltip t = new Tooltip("Actions are not available in this build (no ActionLauncher wired).");
            offboard.setTooltip(t);
            rotate.setTooltip(t);
        }
        offboard.setOnAction(e -> {
            var p = people.getSelectionModel().getSelectedItem();
            try {
                actions.offboard(shell.workspace(), shell.snapshotProperty().get(), p.email());
            } catch (RuntimeException ex) {
                shell.report("Could not start offboarding of " + p.email(), ex);
            }
        });
        rotate.setOnAction(e -> {
            var p = people.getSelectionModel().getSelectedItem();
            ChoiceDialog<AccessViewModel.KeyRef> d = new ChoiceDialog<>(p.keys().get(0), p.keys());
            d.setTitle("Rotate key");
            d.setHeaderText("Which access key of " + p.email() + " do you want to rotate?");
            if (getScene() != null) {
                d.initOwner(getScene().getWindow());
            }
            d.showAndWait().ifPresent(k -> {
                try {
                    actions.rotateKey(shell.workspace(), shell.snapshotProperty().get(), k.env(), k.userName(), k.keyId());
                } catch (RuntimeException ex) {
                    shell.report("Could not start the rotation of " + k.keyId(), ex);
                }
            });
        });
    }

    @Override
    protected void show(Snapshot s) {
        AccessViewModel.Matrix m = AccessViewModel.of(s, shell.workspace().config().thresholds(),
                s.finishedAt() == null ? shell.clock().instant() : s.finishedAt());
        if (!m.columns().equals(columns)) {
            columns = m.columns();
            people.getColumns().clear();
            people.getColumns().add(Cells.text("Person", r -> r.email(), 190));
            people.getColumns().add(Cells.pill("State", r -> r.departedActive() ? new Pill("departed, still active", Tone.CRITICAL)
                    : new Pill(r.state().name().toLowerCase(), r.state() == dev.palisade.core.inventory.Person.PersonState.ACTIVE ? Tone.GOOD : Tone.MUTED), 170));
            for (String c : columns) {
                people.getColumns().add(Cells.pill(c, r -> {
                    Cell cell = r.cells().get(c);
                    return cell == null ? null : cell.pill();
                }, c.equals(AccessViewModel.GITHUB) || c.equals(AccessViewModel.WORKSPACE) ? 170 : 240));
            }
        }
        people.getItems().setAll(m.people());
        unowned.getItems().setAll(m.unowned());
        List<AccessViewModel.PersonRow> gone = m.departedActive();
        departed.setVisible(!gone.isEmpty());
        departed.setText(gone.size() + (gone.size() == 1 ? " person has" : " people have") + " left but still hold access: "
                + String.join(", ", gone.stream().map(AccessViewModel.PersonRow::email).toList()) + ". Select and press Offboard….");
        findings.setFindings(s.findings());
        if (actions != null && offboard != null && offboard.getOnAction() == null) {
            wireActions();
        }
    }

    @Override
    protected Optional<String> notConfigured(Snapshot s) {
        if (s.inventory() == null || s.inventory().google() == null) {
            return Optional.of("The Workspace directory was not read, so departed people cannot be recognised. Add google: { domain: …, admins: [...] } to palisade.yaml and sign in.");
        }
        return Optional.empty();
    }
}
