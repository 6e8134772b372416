package dev.palisade.ui.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Finding;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    private static Finding f(String bucket, Status s) {
        return new Finding("s3.bucket.versioning", s, Severity.LOW, "prod", Resources.bucket(bucket), "Bucket " + bucket + ".", "Fix.", null);
    }

    private static Snapshot snap(String id, Instant at, Finding... fs) {
        return new Snapshot(id, "Org", at, at, List.of(), List.of(fs), Inventory.empty());
    }

    @Test
    void classifiesNewFixedRegressedAndStillFailingWhicheverOrderTheyArePicked() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        Snapshot older = snap("a", t0, f("gone", Status.FAIL), f("fixed", Status.FAIL), f("regressed", Status.PASS), f("still", Status.ERROR));
        Snapshot newer = snap("b", t0.plusSeconds(3600), f("fixed", Status.PASS), f("regressed", Status.FAIL), f("still", Status.FAIL), f("new", Status.FAIL));
        for (SnapshotDiff d : List.of(SnapshotDiff.of(older, newer), SnapshotDiff.of(newer, older))) {
            assertThat(d.olderId()).isEqualTo("a");
            assertThat(d.changes()).extracting(c -> c.kind() + ":" + c.finding().resource().name()).containsExactly(
                    "NEW:new", "REGRESSED:regressed", "FIXED:fixed", "FIXED:gone", "STILL_FAILING:still");
            assertThat(d.count(SnapshotDiff.Kind.FIXED)).isEqualTo(2);
        }
    }
}
