package dev.palisade.collect;

import dev.palisade.core.SourceStatus;
import dev.palisade.core.inventory.Inventory;
import java.util.List;

/** A collector's partial inventory and one status per source it read (AWS: one per environment). */
public record CollectorResult(Inventory inventory, List<SourceStatus> sources) {
    public CollectorResult {
        sources = List.copyOf(sources);
    }
}
