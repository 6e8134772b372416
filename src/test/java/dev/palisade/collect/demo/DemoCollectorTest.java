package dev.palisade.collect.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCollectorTest {
    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    @Test
    void returnsTheDemoInventoryAtTheClocksInstantWithOkSources() throws Exception {
        DemoCollector c = new DemoCollector(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(c.kind()).isEqualTo("demo");
        List<String> updates = new ArrayList<>();
        List<SourceStatus> finished = new ArrayList<>();
        CollectorResult r = c.collect(new ScanProgress() {
            @Override
            public void update(String source, double fraction, String message) {
                updates.add(source + "=" + fraction);
            }

            @Override
            public void finished(SourceStatus status) {
                finished.add(status);
            }
        });
        assertThat(r.inventory()).isEqualTo(DemoWorkspace.inventory(NOW));
        assertThat(r.sources()).extracting(SourceStatus::name)
                .containsExactly("aws:prod", "aws:payments", "aws:staging", "aws:demo", "tls", "google", "github");
        // legacy.acme.example never answers: TLS is honestly PARTIAL, everything else OK
        assertThat(r.sources()).filteredOn(s -> s.name().equals("tls")).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(SourceState.PARTIAL))
                .satisfies(s -> assertThat(s.error()).contains("legacy.acme.example"));
        assertThat(r.sources()).filteredOn(s -> !s.name().equals("tls")).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SourceState.OK);
            assertThat(s.error()).isNull();
            assertThat(s.apiCalls()).isPositive();
        });
        assertThat(finished).isEqualTo(r.sources());
        assertThat(updates).contains("aws:prod=1.0", "github=1.0");
    }

    @Test
    void followsTheClock() throws Exception {
        Instant later = NOW.plusSeconds(86_400 * 30);
        var a = new DemoCollector(Clock.fixed(NOW, ZoneOffset.UTC)).collect(ScanProgress.NONE).inventory();
        var b = new DemoCollector(Clock.fixed(later, ZoneOffset.UTC)).collect(ScanProgress.NONE).inventory();
        assertThat(b).isNotEqualTo(a).isEqualTo(DemoWorkspace.inventory(later));
    }

    @Test
    void onlyKeepsTheSelectedSources() throws Exception {
        CollectorResult r = new DemoCollector(Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of("aws", "github"))
                .collect(ScanProgress.NONE);
        assertThat(r.sources()).extracting(SourceStatus::name).containsExactly("aws:prod", "aws:payments", "aws:staging", "aws:demo", "github");
        assertThat(r.inventory().aws()).hasSize(4);
        assertThat(r.inventory().github()).isNotNull();
        assertThat(r.inventory().tls()).isNull();
        assertThat(r.inventory().google()).isNull();
        CollectorResult tls = new DemoCollector(Clock.fixed(NOW, ZoneOffset.UTC), java.util.Set.of("tls")).collect(ScanProgress.NONE);
        assertThat(tls.inventory().aws()).isEmpty();
        assertThat(tls.inventory().tls()).isEqualTo(DemoWorkspace.inventory(NOW).tls());
        assertThat(tls.sources()).extracting(SourceStatus::name).containsExactly("tls");
    }

    @Test
    void honoursInterruption() {
        DemoCollector c = new DemoCollector(Clock.fixed(NOW, ZoneOffset.UTC));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> c.collect(ScanProgress.NONE)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
