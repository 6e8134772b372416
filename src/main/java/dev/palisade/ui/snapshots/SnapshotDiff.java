package dev.palisade.ui.snapshots;

import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What changed between two snapshots, by {@link Finding#key()}. Pure. */
public record SnapshotDiff(String olderId, String newerId, List<Change> changes) {
    /** NEW: open now, not seen before; FIXED: was open, now passing or gone; REGRESSED: was passing, now open; STILL_FAILING: open in both. */
    public enum Kind { NEW, REGRESSED, FIXED, STILL_FAILING }

    /** {@code finding} is the newer one, or the older one for FIXED findings that disappeared. */
    public record Change(Kind kind, Finding finding, Status before, Status after) {
    }

    public static SnapshotDiff of(Snapshot a, Snapshot b) {
        Snapshot older = a.startedAt().isAfter(b.startedAt()) ? b : a;
        Snapshot newer = older == a ? b : a;
        Map<String, Finding> before = new HashMap<>();
        older.findings().forEach(f -> before.put(f.key(), f));
        Map<String, Finding> after = new HashMap<>();
        newer.findings().forEach(f -> after.put(f.key(), f));
        List<Change> out = new ArrayList<>();
        for (Finding n : newer.findings()) {
            Finding o = before.get(n.key());
            if (open(n)) {
                if (o == null) {
                    out.add(new Change(Kind.NEW, n, null, n.status()));
                } else if (o.status() == Status.PASS) {
                    out.add(new Change(Kind.REGRESSED, n, o.status(), n.status()));
                } else if (open(o)) {
                    out.add(new Change(Kind.STILL_FAILING, n, o.status(), n.status()));
                }
            } else if (n.status() == Status.PASS && o != null && open(o)) {
                out.add(new Change(Kind.FIXED, n, o.status(), n.status()));
            }
        }
        for (Finding o : older.findings()) {
            if (open(o) && !after.containsKey(o.key())) {
                out.add(new Change(Kind.FIXED, o, o.status(), null));
            }
        }
        out.sort(Comparator.comparing(Change::kind).thenComparing(Change::finding, CheckEngine.ORDER));
        return new SnapshotDiff(older.id(), newer.id(), out);
    }

    /** FAIL or ERROR; a MUTED finding counts as open for the diff (it still fails). */
    private static boolean open(Finding f) {
        return f.status() == Status.FAIL || f.status() == Status.ERROR || f.status() == Status.MUTED;
    }

    public long count(Kind k) {
        return changes.stream().filter(c -> c.kind() == k).count();
    }
}
