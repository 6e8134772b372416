package dev.palisade.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleChecksTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    static WorkspaceUser user(String email, boolean admin, Boolean twoSv, Integer lastLoginDaysAgo) {
        return new WorkspaceUser(email, null, false, false, admin, false, twoSv, false,
                lastLoginDaysAgo == null ? null : NOW.minus(Duration.ofDays(lastLoginDaysAgo)),
                NOW.minus(Duration.ofDays(400)), List.of());
    }

    static CheckContext ctx(Fact<List<WorkspaceUser>> users, int inactiveDays) {
        var t = Thresholds.defaults();
        var config = new PalisadeConfig(null, "Acme", null, null, null, null, null,
                new Thresholds(t.accessKeyMaxAgeDays(), t.credentialUnusedDays(), t.maxProdPeople(), t.issueSlaDays(), inactiveDays),
                null);
        return new CheckContext(new Inventory(List.of(), null, new WorkspaceDirectory("acme.example", users), null, null), config, NOW);
    }

    static CheckContext ctx(WorkspaceUser... users) {
        return ctx(Fact.known(Arrays.asList(users)), 90);
    }

    static List<Finding> run(Check c, CheckContext ctx) {
        return c.evaluate(ctx);
    }

    @Test
    void catalogueShape() {
        assertThat(GoogleChecks.all()).extracting(c -> c.metadata().id())
                .containsExactly("gws.user.2sv", "gws.super_admin.count", "gws.user.inactive");
        for (Check c : GoogleChecks.all()) {
            assertThat(c.metadata().remediation()).isNotBlank();
            assertThat(c.metadata().source()).isEqualTo("google");
        }
    }

    @Test
    void nothingWhenGoogleWasNotScanned() {
        var ctx = new CheckContext(Inventory.empty(), ctx().config(), NOW);
        for (Check c : GoogleChecks.all()) {
            assertThat(run(c, ctx)).isEmpty();
        }
    }

    @Test
    void unreadableDirectoryIsErrorNeverPass() {
        var ctx = ctx(Fact.unknown("users.list was denied (HTTP 403)"), 90);
        for (Check c : GoogleChecks.all()) {
            assertThat(run(c, ctx)).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.ERROR);
                assertThat(f.resource().id()).isEqualTo("acme.example");
                assertThat(f.message()).contains("users.list was denied").endsWith(".");
            });
        }
    }

    @Test
    void twoStepPassFailCriticalForAdminsAndErrorWhenUnknown() {
        var suspended = new WorkspaceUser("gone@acme.example", null, true, false, false, false, false, false, null, NOW, List.of());
        var fs = run(new WorkspaceTwoStepCheck(), ctx(user("ok@acme.example", false, true, 1),
                user("plain@acme.example", false, false, 1), user("boss@acme.example", true, false, 1),
                user("unknown@acme.example", false, null, 1), suspended));
        assertThat(fs).extracting(f -> f.resource().id() + " " + f.status() + " " + f.severity()).containsExactly(
                "ok@acme.example PASS HIGH", "plain@acme.example FAIL HIGH", "boss@acme.example FAIL CRITICAL",
                "unknown@acme.example ERROR HIGH");
        assertThat(fs.get(2).message()).isEqualTo("Super admin boss@acme.example is not enrolled in 2-step verification.");
    }

    @ParameterizedTest
    @CsvSource({"0, FAIL, PASS", "1, FAIL, PASS", "2, PASS, PASS", "4, PASS, PASS", "5, PASS, FAIL"})
    void superAdminCountJudgesEachBoundOfTheRange(int supers, Status atLeastTwo, Status atMostFour) {
        WorkspaceUser[] users = new WorkspaceUser[supers + 2];
        for (int i = 0; i < supers; i++) {
            users[i] = user("admin" + i + "@acme.example", true, true, 1);
        }
        users[supers] = user("staff@acme.example", false, true, 1);
        // a suspended super admin does not count
        users[supers + 1] = new WorkspaceUser("old@acme.example", null, true, false, true, false, true, false, null, NOW, List.of());
        var fs = run(new WorkspaceSuperAdminCountCheck(), ctx(users));
        assertThat(fs).extracting(f -> f.resource().id())
                .containsExactly("acme.example#super-admins-min", "acme.example#super-admins-max");
        assertThat(fs).extracting(Finding::status).containsExactly(atLeastTwo, atMostFour);
        assertThat(fs).allSatisfy(f -> {
            assertThat(f.resource().type()).isEqualTo("gws.domain");
            assertThat(f.message()).startsWith("acme.example has " + supers + " active super admin").doesNotContain("old@");
        });
        assertThat(fs.get(0).resource().name()).isEqualTo("acme.example — at least 2 super admins");
        if (atLeastTwo == Status.FAIL) {
            assertThat(fs.get(0).message()).contains("keep at least 2");
        }
        if (atMostFour == Status.FAIL) {
            assertThat(fs.get(1).message()).contains("keep at most 4");
        }
    }

    @ParameterizedTest
    @CsvSource({"89, 90, PASS", "90, 90, PASS", "91, 90, FAIL", "31, 30, FAIL"})
    void inactiveUsesTheConfiguredThreshold(int daysAgo, int limit, Status expected) {
        var fs = run(new WorkspaceInactiveUserCheck(), ctx(Fact.known(List.of(user("x@acme.example", false, true, daysAgo))), limit));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(expected);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.message()).contains("x@acme.example last signed in " + daysAgo + " days ago");
        });
    }

    @Test
    void neverLoggedInCountsFromCreation() {
        var fresh = new WorkspaceUser("new@acme.example", null, false, false, false, false, true, false, null,
                NOW.minus(Duration.ofDays(3)), List.of());
        var old = user("ghost@acme.example", false, true, null);
        var none = new WorkspaceUser("odd@acme.example", null, false, false, false, false, true, false, null, null, List.of());
        var fs = run(new WorkspaceInactiveUserCheck(), ctx(fresh, old, none));
        assertThat(fs).extracting(f -> f.resource().id() + " " + f.status()).containsExactly(
                "new@acme.example PASS", "ghost@acme.example FAIL", "odd@acme.example ERROR");
        assertThat(fs.get(1).message()).contains("never signed in").contains("400 days");
    }
}
