package dev.palisade;

/** Entry point: no arguments opens the console; a subcommand runs headless. PLACEHOLDER: filled by the CLI work. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(dev.palisade.ui.PalisadeApp.class, args);
    }
}
