package dev.palisade.collect.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.palisade.checks.Catalogue;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.Inventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The demo exercises the whole catalogue: every check has at least one PASS and one FAIL in the
 * current demo scan (what {@code scan --demo} stores and prints), so every screen and every check
 * shows both outcomes on first launch.
 */
class DemoCoverageTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    static List<Check> checks;
    static List<Finding> current;
    static List<Finding> all;
    static List<Snapshot> history;

    @BeforeAll
    static void evaluate() {
        checks = Catalogue.all();
        if (checks.isEmpty()) {
            return;
        }
        CheckEngine engine = new CheckEngine(checks);
        PalisadeConfig config = DemoWorkspace.config(null);
        Inventory inv = DemoWorkspace.inventory(NOW);
        inv = inv.withIdentities(IdentityLinker.link(config, inv));
        current = engine.evaluate(new CheckContext(inv, config, NOW));
        all = new ArrayList<>(current);
        history = DemoWorkspace.history(NOW, engine);
        for (Snapshot s : history) {
            all.addAll(s.findings());
        }
    }

    @Test
    void everySpecCheckHasAnExpectation() {
        assertThat(DemoExpectations.ALL).hasSize(39);
        assertThat(DemoExpectations.BY_ID).hasSize(39);
    }

    @TestFactory
    Stream<DynamicTest> everyCatalogueCheckPassesAndFailsInTheCurrentDemoScan() {
        Assumptions.assumeTrue(!Catalogue.all().isEmpty(), "the check catalogue is not wired yet");
        return checks.stream().map(check -> dynamicTest(check.metadata().id(), () -> {
            String id = check.metadata().id();
            DemoExpectations exp = DemoExpectations.BY_ID.get(id);
            String hint = exp == null ? "no demo expectation recorded for " + id : exp.hint();
            Map<Status, Long> counts = current.stream().filter(f -> f.check().equals(id))
                    .collect(Collectors.groupingBy(Finding::status, () -> new EnumMap<>(Status.class), Collectors.counting()));
            assertThat(counts).as("%s: findings by status in the current demo scan; %s", id, hint).containsKey(Status.PASS);
            assertThat(counts).as("%s: findings by status in the current demo scan; %s", id, hint).containsKey(Status.FAIL);
        }));
    }

    @Test
    void noCheckThrowsOnTheDemo() {
        Assumptions.assumeTrue(!Catalogue.all().isEmpty(), "the check catalogue is not wired yet");
        assertThat(all.stream().filter(f -> f.resource().type().equals("check")).map(Finding::message)).isEmpty();
    }

    @Test
    void theCurrentDemoHasErrorsOnlyForTheUnreachableEndpoint() {
        Assumptions.assumeTrue(!Catalogue.all().isEmpty(), "the check catalogue is not wired yet");
        List<Finding> errors = current.stream().filter(f -> f.status() == Status.ERROR).toList();
        assertThat(errors).as("the unreachable legacy.acme.example gives ERROR, never PASS or FAIL").isNotEmpty();
        assertThat(errors).allSatisfy(f -> assertThat(f.resource().id()).as(f.check() + ": " + f.message())
                .startsWith("legacy.acme.example"));
        assertThat(current).filteredOn(f -> f.resource().id().startsWith("legacy.acme.example"))
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.ERROR));
    }

    @Test
    void theCurrentDemoFailsSomethingInEveryArea() {
        Assumptions.assumeTrue(!Catalogue.all().isEmpty(), "the check catalogue is not wired yet");
        for (var area : dev.palisade.core.check.Area.values()) {
            List<String> ids = checks.stream().filter(c -> c.metadata().area() == area).map(c -> c.metadata().id()).toList();
            assertThat(current).as("a FAIL in %s", area)
                    .anyMatch(f -> ids.contains(f.check()) && f.status() == Status.FAIL);
        }
    }

    @Test
    void theTrendImprovesWithAtLeastOneRegression() {
        Assumptions.assumeTrue(!Catalogue.all().isEmpty(), "the check catalogue is not wired yet");
        long now = current.stream().filter(f -> f.status() == Status.FAIL).count();
        List<Long> weekly = new ArrayList<>(history.stream().map(s -> s.count(Status.FAIL)).toList());
        weekly.add(now);
        assertThat(now).as("FAIL counts by week %s", weekly).isLessThan(weekly.get(0));
        boolean regression = false;
        for (int i = 1; i < history.size(); i++) {
            if (!DemoHistoryTest.githubFailed(history.get(i)) && !DemoHistoryTest.githubFailed(history.get(i - 1))
                    && history.get(i).count(Status.FAIL) > history.get(i - 1).count(Status.FAIL)) {
                regression = true;
            }
        }
        assertThat(regression).as("a week with more FAILs than the week before, FAIL counts by week %s", weekly).isTrue();
    }
}
