package dev.palisade.collect.demo;

import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.inventory.Inventory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The "collector" of the demo workspace: the built-in company as of the clock's instant, with the
 * sources a real scan of it would report ({@code aws:prod}, {@code aws:staging}, {@code aws:demo},
 * {@code tls}, {@code google}, {@code github}). {@code only} limits it like {@code scan --only}.
 */
public final class DemoCollector implements Collector {
    private final Clock clock;
    private final Set<String> only;

    public DemoCollector(Clock clock) {
        this(clock, Set.of());
    }

    /** @param only source kinds to keep ({@code aws}, {@code tls}, {@code google}, {@code github}); empty = all */
    public DemoCollector(Clock clock, Set<String> only) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.only = Set.copyOf(only);
    }

    @Override
    public String kind() {
        return "demo";
    }

    @Override
    public CollectorResult collect(ScanProgress progress) throws InterruptedException {
        Instant now = clock.instant();
        List<SourceStatus> sources = DemoWorkspace.sources(now).stream().filter(s -> selected(kindOf(s.name()))).toList();
        for (SourceStatus s : sources) {
            if (Thread.interrupted()) {
                throw new InterruptedException("demo scan cancelled");
            }
            progress.update(s.name(), 1.0, "Read the demo company's " + s.name() + " data.");
            progress.finished(s);
        }
        Inventory all = DemoWorkspace.inventory(now);
        Inventory inv = new Inventory(selected("aws") ? all.aws() : List.of(), selected("tls") ? all.tls() : null,
                selected("google") ? all.google() : null, selected("github") ? all.github() : null, null);
        return new CollectorResult(inv, sources);
    }

    private boolean selected(String kind) {
        return only.isEmpty() || only.contains(kind);
    }

    private static String kindOf(String sourceName) {
        int colon = sourceName.indexOf(':');
        return colon < 0 ? sourceName : sourceName.substring(0, colon);
    }
}
