package dev.palisade.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final AccessViewModel.Matrix m = AccessViewModel.of(SampleCompany.snapshot("s", NOW, false, 0), Thresholds.defaults(), NOW);

    @Test
    void hasAColumnPerSystemAndEnvironment() {
        assertThat(m.columns()).containsExactly("Workspace", "AWS prod", "AWS staging", "AWS demo", "GitHub");
    }

    @Test
    void putsDepartedButActivePeopleFirst() {
        assertThat(m.departedActive()).extracting(AccessViewModel.PersonRow::email).containsExactly("carol@acme.example");
        assertThat(m.people().get(0).email()).isEqualTo("carol@acme.example");
        assertThat(m.people().get(0).cells().get("Workspace").text()).isEqualTo("suspended");
    }

    @Test
    void flagsMissingMfaOldKeysAndMissing2fa() {
        var bob = m.people().stream().filter(p -> p.email().startsWith("bob")).findFirst().orElseThrow();
        assertThat(bob.cells().get("AWS prod").text()).contains("console, no MFA").contains("key 200 d").contains("admin");
        assertThat(bob.cells().get("AWS prod").tone()).isEqualTo(Tone.BAD);
        assertThat(bob.cells().get("GitHub").tone()).isEqualTo(Tone.BAD);
        assertThat(bob.cells().get("Workspace").text()).isEqualTo("no 2SV");
        assertThat(bob.keys()).extracting(AccessViewModel.KeyRef::keyId).containsExactly("AKIABOB00000000001");
        var alice = m.people().stream().filter(p -> p.email().startsWith("alice")).findFirst().orElseThrow();
        assertThat(alice.cells().get("AWS prod").tone()).isEqualTo(Tone.GOOD);
        assertThat(alice.cells().get("Workspace").text()).isEqualTo("super admin · 2SV");
    }

    @Test
    void collectsTheFindingsAboutAPersonAcrossSystems() {
        var bob = m.people().stream().filter(p -> p.email().startsWith("bob")).findFirst().orElseThrow();
        var checks = AccessViewModel.findingsOf(SampleCompany.snapshot("s", NOW, false, 0), bob).stream().map(f -> f.check()).toList();
        assertThat(checks).contains("iam.user.console_mfa", "iam.user.direct_admin", "iam.key.rotation", "gws.user.2sv", "github.member.2fa")
                .doesNotContain("access.departed.active");
    }

    @Test
    void listsAccountsNobodyOwnsWithUnknown2faShownAsUnknown() {
        assertThat(m.unowned()).extracting(AccessViewModel.UnownedRow::name).containsExactly("deploy-bot", "ghost-contractor");
        var ghost = m.unowned().get(1);
        assertThat(ghost.detail().text()).contains("2FA ?");
        assertThat(ghost.detail().tone()).isEqualTo(Tone.UNKNOWN);
        assertThat(m.unowned().get(0).detail().tone()).as("400-day key").isEqualTo(Tone.WARN);
    }

    @Test
    void theGitHubCellNamesEachOrgOfALoginInSeveralOrgs() {
        var s = SampleCompany.snapshot("s", NOW, false, 0);
        var oss = new GitHubOrg("acme-oss", Fact.known(true),
                Fact.known(List.of(
                        new GitHubMember("alice-a", "Alice", "member", Fact.known(true), List.of()),
                        new GitHubMember("bobdev", "Bob", "admin", Fact.known(false), List.of()))),
                Fact.known(List.of()), Fact.known(List.of()));
        var two = SampleCompany.withOrganization(s, oss);
        var matrix = AccessViewModel.of(two, Thresholds.defaults(), NOW);
        assertThat(matrix.columns()).containsExactly("Workspace", "AWS prod", "AWS staging", "AWS demo", "GitHub");
        var alice = matrix.people().stream().filter(p -> p.email().startsWith("alice")).findFirst().orElseThrow();
        assertThat(alice.cells().get("GitHub").text()).isEqualTo("alice-a · acme (owner), acme-oss · 2FA");
        assertThat(alice.cells().get("GitHub").tone()).isEqualTo(Tone.GOOD);
        var bob = matrix.people().stream().filter(p -> p.email().startsWith("bob")).findFirst().orElseThrow();
        assertThat(bob.cells().get("GitHub").text()).isEqualTo("bobdev · acme, acme-oss (owner) · no 2FA");
        assertThat(bob.cells().get("GitHub").tone()).isEqualTo(Tone.BAD);
        // A single org keeps the short form.
        assertThat(m.people().stream().filter(p -> p.email().startsWith("alice")).findFirst().orElseThrow()
                .cells().get("GitHub").text()).isEqualTo("alice-a · owner · 2FA");
    }
}
