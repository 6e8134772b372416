package dev.palisade.ui.common;

import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import javafx.css.PseudoClass;

/** The visual state of a pill, bar or tile, mapped to a CSS pseudo-class (colours come from theme tokens). */
public enum Tone {
    GOOD, BAD, WARN, UNKNOWN, MUTED, NEUTRAL, CRITICAL, HIGH, MEDIUM, LOW, INFO;

    private final PseudoClass pseudo = PseudoClass.getPseudoClass(name().toLowerCase());

    public PseudoClass pseudoClass() {
        return pseudo;
    }

    public static Tone of(Status s) {
        return switch (s) {
            case PASS -> GOOD;
            case FAIL -> BAD;
            case ERROR -> UNKNOWN;
            case MUTED -> MUTED;
        };
    }

    public static Tone of(Severity s) {
        return switch (s) {
            case CRITICAL -> CRITICAL;
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
            case INFO -> INFO;
        };
    }
}
