package dev.palisade.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop console. PLACEHOLDER: filled by the UI work. */
public class PalisadeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Palisade"), 1280, 800));
        stage.setTitle("Palisade");
        stage.show();
    }
}
