package dev.palisade.ui.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.ui.common.Tone;
import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketsViewModelTest {
    @Test
    void showsEachBucketsPostureColouredByItsChecks() {
        var rows = BucketsViewModel.rows(SampleCompany.snapshot("s1", Instant.parse("2026-12-01T10:00:00Z"), false, 0));
        var assets = rows.stream().filter(r -> r.name().equals("acme-staging-assets")).findFirst().orElseThrow();
        assertThat(assets.encryption().text()).isEqualTo("none");
        assertThat(assets.encryption().tone()).isEqualTo(Tone.BAD);
        assertThat(assets.publicPolicy().text()).isEqualTo("PUBLIC");
        assertThat(assets.publicAccessBlock().text()).isEqualTo("not set");
        var uploads = rows.stream().filter(r -> r.name().equals("acme-prod-uploads")).findFirst().orElseThrow();
        assertThat(uploads.encryption().text()).startsWith("SSE-KMS");
        assertThat(uploads.encryption().tone()).isEqualTo(Tone.GOOD);
        assertThat(uploads.tlsOnly().text()).isEqualTo("enforced");
        var logs = rows.stream().filter(r -> r.name().equals("acme-prod-logs")).findFirst().orElseThrow();
        assertThat(logs.encryption().tone()).as("SSE-S3 in production is a warning").isEqualTo(Tone.WARN);
        var backups = rows.stream().filter(r -> r.name().equals("acme-prod-backups")).findFirst().orElseThrow();
        assertThat(backups.encryption().text()).isEqualTo("unreadable");
        assertThat(backups.encryption().tone()).as("an unreadable fact is never shown as good").isEqualTo(Tone.UNKNOWN);
        assertThat(rows.get(0).name()).as("most open findings first").isEqualTo("acme-staging-assets");
    }

    @Test
    void anUntaggedBucketInASharedAccountAppearsInEveryEnvironmentSharingIt() {
        var rows = BucketsViewModel.rows(SampleCompany.snapshot("s1", Instant.parse("2026-12-01T10:00:00Z"), false, 0));
        assertThat(rows.stream().filter(r -> r.name().equals("acme-demo-data")).map(BucketsViewModel.BucketRow::env))
                .containsExactlyInAnyOrder("staging", "demo");
        assertThat(rows.stream().filter(r -> r.name().equals("acme-staging-assets")).map(BucketsViewModel.BucketRow::env))
                .containsExactly("staging");
    }
}
