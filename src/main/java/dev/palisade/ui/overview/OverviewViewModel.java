package dev.palisade.ui.overview;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.store.SnapshotSummary;
import dev.palisade.ui.common.Areas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the Overview shows, computed from the viewed snapshot and the stored summaries. Pure. */
public final class OverviewViewModel {
    /** One point of the trend chart. */
    public record TrendPoint(Instant at, String id, int fail, int error, int[] failBySeverity) {
    }

    /** One area tile: how many open findings and the worst few. */
    public record AreaTile(Area area, int open, int pass, List<Finding> worst) {
    }

    /** A source's line: state and, when not OK, what failed and how to fix it. */
    public record SourceLine(String name, SourceState state, String message) {
    }

    /** The whole overview. {@code score} is passing / (passing + failing + error) in percent, -1 when nothing was evaluated. */
    public record Overview(int score, Map<Severity, Integer> failBySeverity, int fail, int error, int muted, int pass,
                           List<AreaTile> tiles, List<SourceLine> sources, List<TrendPoint> trend,
                           String changeSincePrevious) {
    }

    private OverviewViewModel() {
    }

    public static Overview of(Snapshot s, List<SnapshotSummary> history) {
        Map<Severity, Integer> bySev = new EnumMap<>(Severity.class);
        for (Severity v : Severity.values()) {
            bySev.put(v, 0);
        }
        int fail = 0;
        int error = 0;
        int muted = 0;
        int pass = 0;
        for (Finding f : s.findings()) {
            switch (f.status()) {
                case FAIL -> {
                    fail++;
                    bySev.merge(f.severity(), 1, Integer::sum);
                }
                case ERROR -> error++;
                case MUTED -> muted++;
                case PASS -> pass++;
            }
        }
        int evaluated = pass + fail + error;
        int score = evaluated == 0 ? -1 : (int) Math.round(100.0 * pass / evaluated);
        List<AreaTile> tiles = new ArrayList<>();
        for (Area a : Area.values()) {
            List<Finding> in = s.findings().stream().filter(Areas.in(a)).toList();
            List<Finding> open = in.stream().filter(Finding::isOpen).sorted(CheckEngine.ORDER).toList();
            tiles.add(new AreaTile(a, open.size(), (int) in.stream().filter(f -> f.status() == Status.PASS).count(),
                    open.stream().limit(3).toList()));
        }
        List<SourceLine> sources = s.sources().stream()
                .sorted(Comparator.comparing(SourceStatus::name))
                .map(x -> new SourceLine(x.name(), x.status(), x.error()))
                .toList();
        List<TrendPoint> trend = history.stream()
                .sorted(Comparator.comparing(SnapshotSummary::startedAt))
                .map(h -> new TrendPoint(h.startedAt(), h.id(), h.fail(), h.error(), h.failBySeverity()))
                .toList();
        return new Overview(score, bySev, fail, error, muted, pass, tiles, sources, trend, change(s, history));
    }

    /** "3 more failing than the previous scan" or similar, from the stored counts. */
    static String change(Snapshot s, List<SnapshotSummary> history) {
        List<SnapshotSummary> sorted = history.stream().sorted(Comparator.comparing(SnapshotSummary::startedAt)).toList();
        int idx = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(s.id())) {
                idx = i;
            }
        }
        if (idx <= 0) {
            return "No earlier scan to compare with.";
        }
        SnapshotSummary cur = sorted.get(idx);
        SnapshotSummary prev = sorted.get(idx - 1);
        int d = cur.fail() - prev.fail();
        String what = d == 0 ? "Same number of failing findings as" : Math.abs(d) + (d > 0 ? " more" : " fewer") + " failing than";
        return what + " the previous scan (" + prev.fail() + " → " + cur.fail() + "). See Snapshots for the full diff.";
    }
}
