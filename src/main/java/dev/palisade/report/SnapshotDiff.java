package dev.palisade.report;

import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.check.CheckEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two snapshots, keyed by {@link Finding#key()}. "Failing" means FAIL or ERROR
 * ({@link Finding#isOpen()}); a MUTED finding is not failing.
 *
 * @param newFailures  failing in the newer snapshot, not present in the older one
 * @param regressed    failing in the newer snapshot, present but not failing in the older one
 * @param resolved     failing in the older snapshot and not failing (or gone) in the newer one (the older finding)
 * @param stillFailing failing in both (the newer finding)
 * @param unchanged    number of findings present and not failing in both
 */
public record SnapshotDiff(String olderId, String newerId, List<Finding> newFailures, List<Finding> regressed,
                           List<Finding> resolved, List<Finding> stillFailing, int unchanged) {

    public static SnapshotDiff of(Snapshot older, Snapshot newer) {
        Map<String, Finding> before = index(older);
        Map<String, Finding> after = index(newer);
        List<Finding> added = new ArrayList<>();
        List<Finding> regressed = new ArrayList<>();
        List<Finding> resolved = new ArrayList<>();
        List<Finding> still = new ArrayList<>();
        int unchanged = 0;
        for (Finding n : after.values()) {
            Finding o = before.get(n.key());
            if (n.isOpen()) {
                if (o == null) {
                    added.add(n);
                } else if (o.isOpen()) {
                    still.add(n);
                } else {
                    regressed.add(n);
                }
            } else if (o != null && o.isOpen()) {
                resolved.add(o);
            } else if (o != null) {
                unchanged++;
            }
        }
        for (Finding o : before.values()) {
            if (o.isOpen() && !after.containsKey(o.key())) {
                resolved.add(o);
            }
        }
        added.sort(CheckEngine.ORDER);
        regressed.sort(CheckEngine.ORDER);
        resolved.sort(CheckEngine.ORDER);
        still.sort(CheckEngine.ORDER);
        return new SnapshotDiff(older.id(), newer.id(), List.copyOf(added), List.copyOf(regressed),
                List.copyOf(resolved), List.copyOf(still), unchanged);
    }

    private static Map<String, Finding> index(Snapshot s) {
        Map<String, Finding> m = new LinkedHashMap<>();
        for (Finding f : s.findings()) {
            m.putIfAbsent(f.key(), f);
        }
        return m;
    }

    /** New failures plus regressions: what got worse. */
    public List<Finding> worse() {
        List<Finding> out = new ArrayList<>(newFailures);
        out.addAll(regressed);
        out.sort(CheckEngine.ORDER);
        return out;
    }
}
