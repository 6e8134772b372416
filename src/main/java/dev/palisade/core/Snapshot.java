package dev.palisade.core;

import dev.palisade.core.inventory.Inventory;
import java.time.Instant;
import java.util.List;

/** One scan's result: sources, findings and everything collected. Serialised as {@code palisade.snapshot/1}. */
public record Snapshot(String schema, String id, String organization, Instant startedAt, Instant finishedAt,
                       List<SourceStatus> sources, List<Finding> findings, Inventory inventory) {
    public static final String SCHEMA = "palisade.snapshot/1";

    public Snapshot {
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
        if (schema == null) {
            schema = SCHEMA;
        }
    }

    public Snapshot(String id, String organization, Instant startedAt, Instant finishedAt,
                    List<SourceStatus> sources, List<Finding> findings, Inventory inventory) {
        this(SCHEMA, id, organization, startedAt, finishedAt, sources, findings, inventory);
    }

    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /** True when any source is PARTIAL or ERROR. */
    public boolean anySourceFailed() {
        return sources.stream().anyMatch(s -> s.status() != SourceState.OK);
    }
}
