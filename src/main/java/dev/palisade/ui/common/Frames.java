package dev.palisade.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Scheduling around JavaFX frames. */
public final class Frames {
    private Frames() {
    }

    /**
     * Runs {@code work} on the FX thread once the next frame of {@code scene} has been laid out and
     * handed to the renderer (at once when there is no scene). Call on the FX thread.
     */
    public static void afterNextFrame(Scene scene, Runnable work) {
        if (scene == null) {
            work.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // the pulse that laid this frame out is being rendered now; the next runLater runs after it
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
