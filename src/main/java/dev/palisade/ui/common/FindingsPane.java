package dev.palisade.ui.common;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.ui.shell.ShellViewModel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Every findings table: filters (status, minimum severity, environment, text), the table, and a
 * detail pane with message, resource, remediation and triage (mute with note and expiry, owner).
 */
public final class FindingsPane extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private final FindingsViewModel vm;
    private final ShellViewModel shell;
    private final TableView<Finding> table = new TableView<>();
    private final VBox detail = new VBox(8);

    public FindingsPane(FindingsViewModel vm, ShellViewModel shell, String emptyHint) {
        this.vm = vm;
        this.shell = shell;
        getStyleClass().add("findings-pane");
        setSpacing(8);

        ComboBox<FindingsViewModel.StatusFilter> status = new ComboBox<>();
        status.getItems().setAll(FindingsViewModel.StatusFilter.values());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setId("filter-status");
        ComboBox<Severity> sev = new ComboBox<>();
        sev.getItems().add(null);
        sev.getItems().addAll(Severity.values());
        sev.setPromptText("Any severity");
        sev.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "Any severity" : item + " and above");
            }
        });
        sev.valueProperty().bindBidirectional(vm.minSeverityProperty());
        sev.setId("filter-severity");
        ComboBox<String> env = new ComboBox<>(vm.envs());
        env.valueProperty().bindBidirectional(vm.envProperty());
        env.setId("filter-env");
        TextField search = new TextField();
        search.setPromptText("Search check, resource, message, owner…");
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setId("filter-text");
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("muted-text");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> vm.shown().size() + " of " + vm.all().size(), vm.shown(), vm.all()));
        HBox filters = new HBox(8, status, sev, env, search, count);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        filters.getStyleClass().add("filters");

        table.setItems(vm.shown());
        table.getStyleClass().add("findings-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Cells.<Finding>pill("Severity", f -> Pill.of(f.severity()), 100));
        table.getColumns().add(Cells.<Finding>pill("Status", f -> Pill.of(f.status()), 85));
        table.getColumns().add(Cells.<Finding>text("Check", Finding::check, 170));
        table.getColumns().add(Cells.<Finding>text("Env", f -> f.env() == null ? "" : f.env(), 85)); // "payments" whole
        table.getColumns().add(Cells.<Finding>text("Resource", f -> f.resource().name(), 170));
        table.getColumns().add(Cells.<Finding>text("Message", Finding::message, 330));
        Cells.placeholder(table, emptyHint);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            showDetail(b);
        });

        detail.getStyleClass().add("detail-pane");
        detail.setPadding(new Insets(12));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add("detail-scroll");
        showDetail(null);

        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(filters, split);
    }

    public TableView<Finding> table() {
        return table;
    }

    private void showDetail(Finding f) {
        detail.getChildren().clear();
        if (f == null) {
            Label l = new Label("Select a finding to see what is wrong, why it matters and how to fix it.");
            l.setWrapText(true);
            l.getStyleClass().add("empty-hint");
            detail.getChildren().add(l);
            return;
        }
        Label check = new Label(f.check());
        check.getStyleClass().add("detail-title");
        HBox pills = new HBox(6, Pill.of(f.severity()), Pill.of(f.status()));
        Label msg = new Label(f.message());
        msg.setWrapText(true);
        msg.setId("detail-message");
        GridPane res = new GridPane();
        res.setHgap(8);
        res.setVgap(4);
        res.addRow(0, key("Resource"), selectable(f.resource().name()));
        res.addRow(1, key("Type"), selectable(f.resource().type()));
        res.addRow(2, key("Id"), selectable(f.resource().id()));
        res.addRow(3, key("Environment"), selectable(f.env() == null ? "—" : f.env()));
        Label remTitle = new Label("How to fix");
        remTitle.getStyleClass().add("detail-section");
        Label rem = new Label(f.remediation() == null || f.remediation().isBlank() ? "No remediation text for this check." : f.remediation());
        rem.setWrapText(true);
        rem.setId("detail-remediation");
        Label triTitle = new Label("Triage");
        triTitle.getStyleClass().add("detail-section");
        Triage t = f.triage();
        Label tri = new Label(t == null ? "Not triaged." : describe(t));
        tri.setWrapText(true);
        tri.setId("detail-triage");

        Button mute = new Button("Mute…");
        mute.setId("mute-button");
        mute.setDisable(f.status() == Status.PASS);
        mute.setOnAction(e -> muteDialog(f));
        Button assign = new Button("Assign…");
        assign.setId("assign-button");
        assign.setOnAction(e -> assignDialog(f));
        Button clear = new Button("Clear triage");
        clear.setDisable(t == null);
        clear.setOnAction(e -> shell.clearTriage(f));
        HBox actions = new HBox(8, mute, assign, clear);
        actions.disableProperty().bind(shell.viewingLatestBinding().not());
        Label ro = new Label("Older snapshot: read-only.");
        ro.getStyleClass().add("muted-text");
        ro.visibleProperty().bind(shell.viewingLatestBinding().not());
        ro.managedProperty().bind(ro.visibleProperty());
        detail.getChildren().addAll(check, pills, msg, actions, ro, triTitle, tri, remTitle, rem, res);
    }

    static String describe(Triage t) {
        StringBuilder sb = new StringBuilder();
        if (t.mutedUntil() != null) {
            sb.append("Muted until ").append(DAY.format(t.mutedUntil()));
            if (t.note() != null) {
                sb.append(": ").append(t.note());
            }
            sb.append(". ");
        }
        if (t.owner() != null) {
            sb.append("Owner: ").append(t.owner()).append(". ");
        }
        if (t.updatedBy() != null) {
            sb.append("Last changed by ").append(t.updatedBy()).append(t.updatedAt() == null ? "" : " on " + DAY.format(t.updatedAt())).append('.');
        }
        return sb.toString().strip();
    }

    private static Label key(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("muted-text");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static TextField selectable(String s) {
        TextField tf = new TextField(s);
        tf.setEditable(false);
        tf.getStyleClass().add("selectable");
        tf.setPrefColumnCount(20);
        return tf;
    }

    private void muteDialog(Finding f) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Mute finding");
        d.setHeaderText("Mute " + f.check() + " on " + f.resource().name());
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        TextArea note = new TextArea();
        note.setPromptText("Why is this accepted? (required)");
        note.setPrefRowCount(3);
        note.setId("mute-note");
        DatePicker until = new DatePicker(LocalDate.now().plusDays(30));
        until.setId("mute-until");
        TextField owner = new TextField(f.triage() == null || f.triage().owner() == null ? "" : f.triage().owner());
        owner.setPromptText("Owner (optional)");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Note"), note);
        g.addRow(1, new Label("Muted until"), until);
        g.addRow(2, new Label("Owner"), owner);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(note.textProperty().isEmpty());
        Optional<ButtonType> r = d.showAndWait();
        if (r.isPresent() && r.get() == ButtonType.OK && until.getValue() != null) {
            shell.mute(f, note.getText(), until.getValue().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant(), owner.getText());
        }
    }

    private void assignDialog(Finding f) {
        TextInputDialog d = new TextInputDialog(f.triage() == null || f.triage().owner() == null ? "" : f.triage().owner());
        d.setTitle("Assign owner");
        d.setHeaderText("Who owns " + f.check() + " on " + f.resource().name() + "?");
        d.setContentText("Owner (email or name)");
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
        }
        d.showAndWait().ifPresent(o -> shell.assign(f, o));
    }
}
