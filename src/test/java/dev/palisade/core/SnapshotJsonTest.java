package dev.palisade.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
    @Test
    void roundTripsSnapshotWithFactsAndWritesSchemaAndNullErrors() {
        var env = dev.palisade.store.StoreFixtures.prodEnvironment();
        var b = env.buckets().value().get(0);
        Snapshot s = new Snapshot("id1", "Acme", Instant.parse("2026-11-22T09:00:00Z"), Instant.parse("2026-11-22T09:00:41Z"),
                List.of(new SourceStatus("aws:prod", SourceState.OK, null, 3, 10)),
                List.of(new Finding("s3.bucket.encryption", Status.PASS, Severity.HIGH, "prod",
                        new Resource("aws.s3.bucket", b.arn(), b.name()), "Bucket acme-logs is encrypted with SSE-KMS.", "r", null)),
                new Inventory(List.of(env), null, null, null, null));
        String json = SnapshotJson.toJson(s, false);
        assertThat(json).startsWith("{\"schema\":\"palisade.snapshot/1\",\"id\":\"id1\"");
        assertThat(json).contains("\"error\":null").contains("\"startedAt\":\"2026-11-22T09:00:00Z\"");
        assertThat(json).doesNotContain("\"known\"");
        Snapshot back = SnapshotJson.fromJson(json);
        assertThat(back).isEqualTo(s);
        assertThat(back.inventory().aws().get(0).buckets().value().get(0).policy().isKnown()).isFalse();
    }
}
