package dev.palisade.ui.environments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvironmentsViewModelTest {
    @Test
    void makesSharedAccountsObvious() {
        var m = EnvironmentsViewModel.of(SampleCompany.snapshot("s", Instant.parse("2026-12-01T10:00:00Z"), false, 0));
        assertThat(m.accounts()).containsExactly(SampleCompany.PROD, SampleCompany.SHARED);
        var prod = m.rows().get(0);
        assertThat(prod.sharedWith()).isEmpty();
        assertThat(prod.separation()).isEqualTo("dedicated account");
        assertThat(prod.buckets()).isEqualTo(3);
        var staging = m.rows().get(1);
        assertThat(staging.sharedWith()).containsExactly("demo");
        assertThat(staging.separation()).isEqualTo("shared account, separated by tag env=staging");
        assertThat(staging.buckets()).as("its tagged bucket plus the untagged one").isEqualTo(2);
        assertThat(m.in(staging, SampleCompany.SHARED)).isTrue();
        assertThat(m.in(staging, SampleCompany.PROD)).isFalse();
    }
}
