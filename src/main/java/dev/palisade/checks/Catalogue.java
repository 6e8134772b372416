package dev.palisade.checks;

import dev.palisade.core.check.Check;
import java.util.List;

/** Every check Palisade runs, in catalogue order. PLACEHOLDER: filled by the checks work. */
public final class Catalogue {
    private Catalogue() {
    }

    public static List<Check> all() {
        return List.of();
    }
}
