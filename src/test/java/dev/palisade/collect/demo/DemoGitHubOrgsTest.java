package dev.palisade.collect.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.checks.Catalogue;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Inventory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo company's two GitHub organizations: acme-demo stopped requiring 2FA in week 5, acme-demo-oss always has. */
class DemoGitHubOrgsTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    static List<Finding> current;
    static Inventory inv;

    @BeforeAll
    static void scan() {
        PalisadeConfig config = DemoWorkspace.config(null);
        inv = DemoWorkspace.inventory(NOW);
        inv = inv.withIdentities(IdentityLinker.link(config, inv));
        current = new CheckEngine(Catalogue.all()).evaluate(new CheckContext(inv, config, NOW));
    }

    static List<String> summary(List<Finding> fs, String check) {
        return fs.stream().filter(f -> f.check().equals(check)).map(f -> f.resource().id() + " " + f.status()).toList();
    }

    @Test
    void theCurrentDemoPassesAndFailsTheOrgTwoFactorRequirement() {
        assertThat(DemoWorkspace.config(null).github().organizations()).containsExactly("acme-demo", "acme-demo-oss");
        assertThat(inv.github()).extracting(GitHubOrg::organization).containsExactly("acme-demo", "acme-demo-oss");
        assertThat(summary(current, "github.org.2fa_required"))
                .containsExactly("github-org:acme-demo FAIL", "github-org:acme-demo-oss PASS");
    }

    @Test
    void theOpenSourceOrgSharesPeopleWithTheProductOrgAndTheyAreOneAccountEach() {
        GitHubOrg oss = inv.github().get(1);
        assertThat(oss.members().value()).extracting(GitHubMember::login)
                .contains("mayachen", "leopark", "samr", "jo-hansen-dev");
        assertThat(oss.members().value()).allSatisfy(m -> assertThat(m.twoFactorEnabled().value()).isTrue());
        assertThat(oss.repositories().value()).extracting(r -> r.fullName())
                .containsExactly("acme-demo-oss/sdk-js", "acme-demo-oss/terraform-modules");
        assertThat(summary(current, "github.member.2fa")).filteredOn(s -> s.startsWith("mayachen ")).containsExactly("mayachen PASS");
        assertThat(current).filteredOn(f -> f.check().equals("github.member.2fa") && f.resource().id().equals("mayachen"))
                .singleElement().extracting(Finding::message).asString().contains("acme-demo owner", "acme-demo-oss owner");
        assertThat(summary(current, "github.dependabot.alerts"))
                .contains("acme-demo-oss/sdk-js FAIL", "acme-demo-oss/terraform-modules PASS");
        assertThat(summary(current, "issue.security.open")).contains("https://github.com/acme-demo-oss/sdk-js/issues/57 FAIL");
        assertThat(inv.identities().people()).filteredOn(p -> p.email().equals("sam.rivera@acme.example")).singleElement()
                .satisfies(p -> assertThat(p.accounts()).filteredOn(a -> a.system().equals("github")).hasSize(1));
        assertThat(current).filteredOn(f -> f.resource().id().contains("acme-demo-oss")).noneMatch(f -> f.status() == Status.ERROR);
    }

    @Test
    void inEveryWeekTheOpenSourceOrgRequires2faAndInTheRateLimitedWeekNeitherOrgIsReadInFull() {
        for (Snapshot s : DemoWorkspace.history(NOW, new CheckEngine(List.of()))) {
            assertThat(s.inventory().github()).hasSize(2);
            assertThat(s.inventory().github().get(1).twoFactorRequired().value()).isTrue();
            boolean limited = s.sources().stream().anyMatch(x -> x.name().equals("github") && x.error() != null
                    && x.error().contains("rate limit"));
            assertThat(s.inventory().github()).allSatisfy(o -> assertThat(o.members().isKnown()).isEqualTo(!limited));
            if (limited) {
                assertThat(s.sources()).filteredOn(x -> x.name().equals("github")).singleElement()
                        .satisfies(x -> assertThat(x.error()).startsWith("acme-demo: GitHub API rate limit exceeded")
                                .contains(" acme-demo-oss: GitHub API rate limit exceeded"));
            }
        }
    }
}
