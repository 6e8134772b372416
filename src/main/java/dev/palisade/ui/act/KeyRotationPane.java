package dev.palisade.ui.act;

import dev.palisade.act.KeyRotation;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The guided rotation: create → update consumers while watching last use → deactivate → delete. */
public final class KeyRotationPane extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Timeline poll;

    public KeyRotationPane(KeyRotationViewModel vm) {
        super(10);
        setPadding(new Insets(16));
        Label title = new Label("Rotate " + vm.oldKeyId() + " of " + vm.user());
        title.getStyleClass().add("title-2");
        Label message = new Label();
        message.setId("rotation-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TextField secret = new TextField();
        secret.setId("new-secret");
        secret.setEditable(false);
        secret.textProperty().bind(vm.secretOnceProperty());
        Button copy = new Button("Copy secret");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.secretOnceProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox secretRow = new HBox(8, new Label("Secret (shown once):"), secret, copy);
        HBox.setHgrow(secret, Priority.ALWAYS);
        secretRow.visibleProperty().bind(vm.secretOnceProperty().isNotEmpty());
        secretRow.managedProperty().bind(secretRow.visibleProperty());

        TableView<KeyRotation.KeyUse> uses = new TableView<>(vm.uses());
        uses.setId("key-uses");
        uses.setPrefHeight(120);
        uses.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        uses.getColumns().add(column("Key", KeyRotation.KeyUse::accessKeyId));
        uses.getColumns().add(column("Status", KeyRotation.KeyUse::status));
        uses.getColumns().add(column("Last used", u -> u.lastUsed() == null ? "never" : TIME.format(u.lastUsed())));
        uses.getColumns().add(column("Service", u -> u.service() == null ? "" : u.service()));

        Button create = new Button("1. Create new key");
        create.setId("rotate-create");
        create.disableProperty().bind(vm.createdProperty().or(vm.busyProperty()));
        create.setOnAction(e -> vm.create());
        Button refresh = new Button("Refresh last use");
        refresh.setOnAction(e -> vm.refreshUse());
        Button deactivate = new Button("2. Deactivate old key");
        deactivate.setId("rotate-deactivate");
        deactivate.disableProperty().bind(vm.createdProperty().not().or(vm.deactivatedProperty()).or(vm.busyProperty()));
        deactivate.setOnAction(e -> vm.deactivate());
        Button delete = new Button("3. Delete old key");
        delete.setId("rotate-delete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(vm.deactivatedProperty().not().or(vm.deletedProperty()).or(vm.busyProperty()));
        delete.setOnAction(e -> vm.delete());
        HBox buttons = new HBox(8, create, deactivate, delete, refresh);
        getChildren().addAll(title, message, secretRow, new Label("Last use of this user's keys:"), uses, buttons);

        poll = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.refreshUse()));
        poll.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                poll.stop();
                vm.forgetSecret();
            } else {
                poll.play();
            }
        });
        vm.load();
    }

    private static TableColumn<KeyRotation.KeyUse, String> column(String title, java.util.function.Function<KeyRotation.KeyUse, String> f) {
        TableColumn<KeyRotation.KeyUse, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }
}
