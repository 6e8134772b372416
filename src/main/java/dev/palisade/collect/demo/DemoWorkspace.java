package dev.palisade.collect.demo;

import dev.palisade.core.Snapshot;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.Inventory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The built-in sample company "Acme (demo)". PLACEHOLDER: filled by the demo work. */
public final class DemoWorkspace {
    public static final String ORGANIZATION = "Acme (demo)";

    private DemoWorkspace() {
    }

    /** The demo company's configuration (environments, domains, thresholds, people links). */
    public static PalisadeConfig config(Path home) {
        return new PalisadeConfig(home, ORGANIZATION, null, null, null, null, null, null, null);
    }

    /** The demo company's inventory as of {@code now} (without identities: the core links them). */
    public static Inventory inventory(Instant now) {
        return Inventory.empty();
    }

    /** Six weekly historical snapshots before {@code now}, oldest first, evaluated by {@code engine}. */
    public static List<Snapshot> history(Instant now, CheckEngine engine) {
        return List.of();
    }
}
