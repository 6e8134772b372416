package dev.palisade.store;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Snapshots for store tests: real inventory records and findings, {@code n} findings of mixed status. */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    /** A production environment with one bucket whose facts are known, known-null and unknown. */
    public static dev.palisade.core.inventory.AwsEnvironment prodEnvironment() {
        Bucket b = new Bucket("acme-logs", Bucket.arnOf("acme-logs"), "us-east-1", Instant.parse("2026-01-01T00:00:00Z"),
                Fact.known(new BucketEncryption("SSE-KMS", "k", true)), Fact.known(null),
                Fact.unknown("s3:GetBucketPolicy denied for acme-logs"), Fact.known(null), Fact.known("Enabled"),
                Fact.unknown("x"), Fact.known(Map.of("env", "prod")));
        return new dev.palisade.core.inventory.AwsEnvironment("prod", true, "p", List.of("us-east-1"), null,
                Fact.known("123456789012"), Fact.known(null), Fact.known(List.of(b)), Fact.unknown("no"),
                Fact.known(null), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()),
                Fact.known(List.of()), Fact.known(List.of()));
    }

    public static Snapshot snapshot(String id, Instant started, int n) {
        var env = prodEnvironment();
        TlsEndpoint ep = new TlsEndpoint("acme.example", 443, "DNS name not found", List.of(), Fact.unknown("DNS name not found"));
        Status[] statuses = Status.values();
        Severity[] severities = Severity.values();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "acme-bucket-" + i;
            findings.add(new Finding("s3.bucket.encryption", statuses[i % statuses.length], severities[i % severities.length],
                    i % 2 == 0 ? "prod" : null, new Resource("aws.s3.bucket", Bucket.arnOf(name), name),
                    "Bucket " + name + " has no default encryption.", "Enable default encryption on " + name + ".", null));
        }
        return new Snapshot(id, "Acme Inc", started, started.plusSeconds(41),
                List.of(new SourceStatus("aws:prod", SourceState.OK, null, 412, 8123),
                        new SourceStatus("tls", SourceState.PARTIAL, "1 of 1 endpoints failed", 1, 5012)),
                findings, new Inventory(List.of(env), new TlsInventory(List.of(ep)), null, null, null));
    }

}
