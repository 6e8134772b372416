package dev.palisade.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.config.ConfigLoader;
import dev.palisade.core.config.PalisadeConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {
    private static PalisadeConfig config(String yaml) throws Exception {
        return ConfigLoader.parse(yaml, Path.of("palisade.yaml"), Path.of("."), Map.<String, String>of()::get);
    }

    @Test
    void selectsConfiguredKindsInReportOrder() throws Exception {
        CollectorRegistry r = new CollectorRegistry()
                .register("github", TestSources.factory("github", TestSources::github))
                .register("tls", TestSources.factory("tls", TestSources::tls));
        PalisadeConfig c = config("organization: A\ndomains: [a.example]\ngithub: {organization: a}\n"
                + "environments:\n  prod:\n    production: true\n");
        assertThat(r.select(Set.of(), c)).containsExactly("tls", "github");
        assertThat(r.select(Set.of("github"), c)).containsExactly("github");
        assertThat(r.isConfigured("aws", c)).as("an environment without aws: asks for no AWS scan").isFalse();
        assertThat(r.kinds()).containsExactly("github", "tls");
    }

    @Test
    void nothingConfiguredIsAnActionableError() throws Exception {
        assertThatThrownBy(() -> new CollectorRegistry().select(Set.of(), config("organization: A\n")))
                .isInstanceOf(ScanException.class).hasMessageContaining("Nothing to scan").hasMessageContaining("--demo");
    }

    @Test
    void customKindsAndPredicates() throws Exception {
        CollectorRegistry r = new CollectorRegistry().register("demo", c -> true, TestSources.factory("demo", TestSources::tls));
        assertThat(r.select(Set.of("demo"), config("organization: A\n"))).containsExactly("demo");
        assertThatThrownBy(() -> r.factory("nope")).isInstanceOf(ScanException.class);
    }

    @Test
    void snapshotIdsSortByTimeAndDoNotCollide() {
        Instant t = Instant.parse("2026-11-22T09:00:41Z");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = SnapshotIds.next(t);
            assertThat(id).matches(SnapshotIds.FORMAT).startsWith("20261122-090041-");
            ids.add(id);
        }
        assertThat(ids.size()).isGreaterThan(190);
        assertThat(SnapshotIds.next(t.plusSeconds(1)).compareTo(SnapshotIds.next(t))).isPositive();
    }
}
