package dev.palisade.collect.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.checks.ExpiryWindow;
import dev.palisade.core.Severity;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsProbe;
import dev.palisade.core.inventory.WorkspaceUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The stories the demo tells, checked on the inventory itself (independently of the checks), so a
 * change to the demo data that would silently remove a PASS or FAIL case is caught here.
 */
class DemoScenarioTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    static Inventory at(int stage) {
        Instant at = NOW.minus(Duration.ofDays(7L * (Moment.CURRENT - stage)));
        return DemoWorkspace.build(new Moment(NOW, at, stage), false);
    }

    static Instant time(int stage) {
        return NOW.minus(Duration.ofDays(7L * (Moment.CURRENT - stage)));
    }

    @ParameterizedTest(name = "week {0}: {1} active super admins")
    @CsvSource({"0,5", "1,5", "2,5", "3,3", "4,3", "5,5", "6,5"})
    void superAdminsShrinkFromFiveToThreeThenGrowBackWhenTomLeaves(int stage, int admins) {
        long n = at(stage).google().users().value().stream().filter(u -> u.active() && u.admin()).count();
        assertThat(n).isEqualTo(admins);
    }

    @Test
    void workspaceHasAdminsWithAndWithout2svAnInactiveUserAndSuspendedPeople() {
        List<WorkspaceUser> users = DemoWorkspace.inventory(NOW).google().users().value();
        assertThat(users).anyMatch(u -> u.admin() && u.active() && Boolean.TRUE.equals(u.enrolledIn2Sv()));
        assertThat(users).anyMatch(u -> u.admin() && u.active() && Boolean.FALSE.equals(u.enrolledIn2Sv()));
        assertThat(users).anyMatch(u -> !u.admin() && u.active() && Boolean.FALSE.equals(u.enrolledIn2Sv()));
        assertThat(users).filteredOn(u -> u.active() && u.lastLogin().isBefore(NOW.minus(Duration.ofDays(90))))
                .extracting(WorkspaceUser::email).containsExactly("omar.haddad@acme.example");
        assertThat(users).filteredOn(u -> !u.active()).extracting(WorkspaceUser::email)
                .containsExactlyInAnyOrder("tom.becker@acme.example", "nina.kowalski@acme.example");
    }

    @Test
    void tomLeavesInWeekFiveButKeepsHisAccess() {
        assertThat(at(4).google().users().value()).filteredOn(u -> u.email().startsWith("tom.")).allMatch(WorkspaceUser::active);
        Inventory now = DemoWorkspace.inventory(NOW);
        assertThat(now.google().users().value()).filteredOn(u -> u.email().startsWith("tom.")).noneMatch(WorkspaceUser::active);
        assertThat(DemoWorkspaceTest.users(now)).filteredOn(u -> u.name().equals("tom.becker"))
                .singleElement().satisfies(u -> assertThat(u.accessKeys().value()).anyMatch(k -> k.active()));
        assertThat(now.github().get(0).members().value()).anyMatch(m -> m.login().equals("tbecker"));
        // Nina left long ago and holds nothing.
        assertThat(DemoWorkspaceTest.users(now)).noneMatch(u -> u.name().startsWith("nina"));
        assertThat(now.github().get(0).members().value()).noneMatch(m -> m.login().contains("nina"));
    }

    @ParameterizedTest(name = "week {0}: prod IAM users {1}")
    @CsvSource({
            "0,'maya,leo.park,dana,deploy-bot,billing-export,ken'",
            "3,'maya,leo.park,dana,deploy-bot,billing-export'",
            "6,'maya,leo.park,dana,deploy-bot,billing-export,raj.contractor'"})
    void productionUsersChangeOverTheWeeks(int stage, String names) {
        Inventory inv = at(stage);
        assertThat(inv.aws().get(0).users().value()).extracting(u -> u.name())
                .containsExactlyInAnyOrder(names.split(","));
    }

    @Test
    void bucketsUseEveryEncryptionKind() {
        var algorithms = DemoWorkspaceTest.buckets(DemoWorkspace.inventory(NOW)).stream()
                .map(b -> b.encryption().value().algorithm()).collect(Collectors.toSet());
        assertThat(algorithms).containsExactlyInAnyOrder("SSE-S3", "SSE-KMS", "DSSE-KMS", "NONE");
    }

    @Test
    void usersCoverTheIamCases() {
        var users = DemoWorkspaceTest.users(DemoWorkspace.inventory(NOW));
        Instant old = NOW.minus(Duration.ofDays(90));
        assertThat(users).anyMatch(u -> u.accessKeys().value().stream().anyMatch(k -> k.created().isBefore(old)));
        assertThat(users).anyMatch(u -> u.accessKeys().value().stream().anyMatch(k -> k.lastUsed() == null));
        assertThat(users).anyMatch(u -> u.accessKeys().value().stream().filter(k -> k.active()).count() == 2);
        assertThat(users).anyMatch(u -> u.console().value().passwordEnabled() && !u.mfaActive().value());
        assertThat(users).anyMatch(u -> u.attachedPolicies().value().stream().anyMatch(p -> p.arn().endsWith("/AdministratorAccess")));
        assertThat(users).anyMatch(u -> u.inlinePolicies().value().stream().anyMatch(p -> p.document().contains("\"Action\":\"*\"")));
        assertThat(users).extracting(u -> u.name()).contains("deploy-bot", "ci-shared");
    }

    @Test
    void tlsEndpointsCoverTheCertificateCases() {
        Inventory inv = DemoWorkspace.inventory(NOW);
        Set<String> failingExpiry = inv.tls().endpoints().stream()
                .flatMap(e -> e.addresses().stream().filter(TlsProbe::connected)
                        .filter(p -> new ExpiryWindow(p.leaf().notBefore(), p.leaf().notAfter(), NOW).failing())
                        .map(p -> e.host() + "@" + p.address()))
                .collect(Collectors.toSet());
        assertThat(failingExpiry).containsExactlyInAnyOrder("app.acme.example@203.0.113.22", "api.acme.example@203.0.113.30",
                "status.acme.example@203.0.113.40");
        TlsProbe edge = endpoint(inv, "edge.acme.example").addresses().get(0);
        ExpiryWindow w = new ExpiryWindow(edge.leaf().notBefore(), edge.leaf().notAfter(), NOW);
        assertThat(w.lifetime()).isEqualTo(Duration.ofDays(6));
        assertThat(w.daysLeft()).isEqualTo(3);
        assertThat(w.failing()).isFalse();
        TlsProbe appB = endpoint(inv, "app.acme.example").addresses().get(1);
        assertThat(new ExpiryWindow(appB.leaf().notBefore(), appB.leaf().notAfter(), NOW).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(endpoint(inv, "app.acme.example").addresses()).extracting(p -> p.leaf().serialNumber()).doesNotHaveDuplicates();
        assertThat(endpoint(inv, "docs.acme.example").addresses().get(0).hostnameMatches()).isFalse();
        assertThat(endpoint(inv, "shop.acme.example").addresses().get(0).chainProblem()).startsWith("missing intermediate");
        assertThat(endpoint(inv, "blog.acme.example").redirect().value().redirectsToHttps()).isFalse();
        assertThat(endpoint(inv, "blog.acme.example").addresses().get(0).hsts().value()).isNull();
        assertThat(endpoint(inv, "legacy.acme.example").addresses().get(0).connected()).isFalse();
        assertThat(endpoint(inv, "legacy.acme.example").redirect().isKnown()).isFalse();
        assertThat(inv.tls().endpoints()).filteredOn(e -> !e.host().equals("legacy.acme.example"))
                .allSatisfy(e -> assertThat(e.addresses()).allMatch(TlsProbe::connected));
    }

    @Test
    void aRenewedCertificateIsNeverNotYetValidInAnOlderWeek() {
        for (int stage = 0; stage <= Moment.CURRENT; stage++) {
            Instant t = time(stage);
            for (TlsEndpoint e : at(stage).tls().endpoints()) {
                for (TlsProbe p : e.addresses()) {
                    if (p.connected()) {
                        assertThat(p.leaf().notBefore()).as(e.host() + " week " + stage).isBeforeOrEqualTo(t);
                    }
                }
            }
        }
    }

    @Test
    void acmCertificatesCoverExpiryAndRenewalCases() {
        List<AcmCertificate> certs = DemoWorkspace.inventory(NOW).aws().stream()
                .flatMap(e -> e.certificates().value().stream()).distinct().toList();
        assertThat(certs).anyMatch(c -> c.inUse() && "IMPORTED".equals(c.type()));
        assertThat(certs).anyMatch(c -> c.inUse() && "INELIGIBLE".equals(c.renewalEligibility()) && "AMAZON_ISSUED".equals(c.type()));
        assertThat(certs).anyMatch(c -> c.inUse() && "ELIGIBLE".equals(c.renewalEligibility()));
        assertThat(certs).anyMatch(c -> new ExpiryWindow(c.notBefore(), c.notAfter(), NOW).expired() && "EXPIRED".equals(c.status()));
        assertThat(certs).anyMatch(c -> !new ExpiryWindow(c.notBefore(), c.notAfter(), NOW).expired()
                && new ExpiryWindow(c.notBefore(), c.notAfter(), NOW).failing());
        assertThat(certs).anyMatch(c -> !new ExpiryWindow(c.notBefore(), c.notAfter(), NOW).failing());
    }

    @Test
    void githubCoversTwoFactorAlertsAndIssueAges() {
        var gh = DemoWorkspace.inventory(NOW).github().get(0);
        assertThat(gh.outsideCollaborators().value()).singleElement()
                .satisfies(m -> assertThat(m.outsideCollaborator() && !m.twoFactorEnabled().value()).isTrue());
        assertThat(gh.members().value()).anyMatch(m -> !m.outsideCollaborator() && !m.twoFactorEnabled().value());
        assertThat(gh.members().value()).noneMatch(GitHubMember::outsideCollaborator);
        assertThat(gh.repositories().value()).anyMatch(r -> r.secretScanning().isKnown() && r.secretScanning().value() == null);
        assertThat(gh.repositories().value()).anyMatch(r -> r.dependabot().value().open() > 0)
                .anyMatch(r -> r.dependabot().value().open() == 0)
                .anyMatch(r -> r.secretScanning().value() != null && r.secretScanning().value().open() > 0)
                .anyMatch(r -> r.secretScanning().value() != null && r.secretScanning().value().open() == 0);
        var sla = DemoWorkspace.config(null).thresholds().issueSlaDays();
        var issues = gh.issues().value();
        assertThat(issues).extracting(i -> i.severity()).contains("critical", "high", "medium", "low", null);
        assertThat(issues).anyMatch(i -> i.createdAt().isBefore(NOW.minus(Duration.ofDays(slaDays(sla, i.severity())))));
        assertThat(issues).anyMatch(i -> i.createdAt().isAfter(NOW.minus(Duration.ofDays(slaDays(sla, i.severity())))));
        assertThat(issues).allSatisfy(i -> assertThat(i.labels()).contains("security"));
    }

    private static int slaDays(dev.palisade.core.config.Thresholds.IssueSla sla, String severity) {
        return sla.days(severity == null ? Severity.INFO : Severity.valueOf(severity.toUpperCase()));
    }

    private static TlsEndpoint endpoint(Inventory inv, String host) {
        return inv.tls().endpoints().stream().filter(e -> e.host().equals(host)).findFirst().orElseThrow();
    }
}
