package dev.palisade.ui.common;

import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import javafx.scene.control.Label;

/** A small rounded label whose colour comes from its {@link Tone} pseudo-class. */
public final class Pill extends Label {
    private Tone tone;

    public Pill(String text, Tone tone) {
        super(text);
        getStyleClass().add("pill");
        setMinWidth(USE_PREF_SIZE);
        setTone(tone);
    }

    public static Pill of(Status s) {
        return new Pill(s.name(), Tone.of(s));
    }

    public static Pill of(Severity s) {
        return new Pill(s.name(), Tone.of(s));
    }

    public void setTone(Tone t) {
        if (tone != null) {
            pseudoClassStateChanged(tone.pseudoClass(), false);
        }
        tone = t;
        if (t != null) {
            pseudoClassStateChanged(t.pseudoClass(), true);
        }
    }

    public Tone tone() {
        return tone;
    }
}
