package dev.palisade.ui.common;

import dev.palisade.core.Finding;
import dev.palisade.core.Status;

/** One cell of a dashboard table: what it says and how it should look. */
public record Cell(String text, Tone tone) {
    /** The tone a check's finding gives a cell; NEUTRAL when the check did not report on it. */
    public static Tone toneOf(Finding f) {
        if (f == null) {
            return Tone.NEUTRAL;
        }
        if (f.status() == Status.FAIL) {
            return f.severity().atLeast(dev.palisade.core.Severity.HIGH) ? Tone.BAD : Tone.WARN;
        }
        return Tone.of(f.status());
    }

    public Pill pill() {
        return new Pill(text, tone);
    }
}
