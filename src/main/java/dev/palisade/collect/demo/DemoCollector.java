package dev.palisade.collect.demo;

import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The "collector" of the demo workspace: the built-in company as of the clock's instant. */
public final class DemoCollector implements Collector {
    private final Clock clock;

    public DemoCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String kind() {
        return "demo";
    }

    @Override
    public CollectorResult collect(ScanProgress progress) throws InterruptedException {
        Instant now = clock.instant();
        List<SourceStatus> sources = DemoWorkspace.sources(now);
        for (SourceStatus s : sources) {
            if (Thread.interrupted()) {
                throw new InterruptedException("demo scan cancelled");
            }
            progress.update(s.name(), 1.0, "Read the demo company's " + s.name() + " data.");
            progress.finished(s);
        }
        return new CollectorResult(DemoWorkspace.inventory(now), sources);
    }
}
