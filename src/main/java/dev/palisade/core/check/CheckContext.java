package dev.palisade.core.check;

import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.Inventory;
import java.time.Instant;

/** What a check reads: the inventory, the configuration and the scan's clock. */
public record CheckContext(Inventory inventory, PalisadeConfig config, Instant now) {
    public Thresholds thresholds() {
        return config.thresholds();
    }
}
