package dev.palisade.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
    @Test
    void roundTripsSnapshotWithFactsAndWritesSchemaAndNullErrors() {
        Bucket b = new Bucket("acme-logs", Bucket.arnOf("acme-logs"), "us-east-1", Instant.parse("2026-01-01T00:00:00Z"),
                Fact.known(new BucketEncryption("SSE-KMS", "k", true)), Fact.known(null),
                Fact.unknown("s3:GetBucketPolicy denied for acme-logs"), Fact.known(null), Fact.known("Enabled"),
                Fact.unknown("x"), Fact.known(Map.of("env", "prod")));
        var env = new dev.palisade.core.inventory.AwsEnvironment("prod", true, "p", List.of("us-east-1"), null,
                Fact.known("123456789012"), Fact.known(null), Fact.known(List.of(b)), Fact.unknown("no"),
                Fact.known(null), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()),
                Fact.known(List.of()), Fact.known(List.of()));
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
