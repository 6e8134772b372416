package dev.palisade.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.config.Thresholds;
import dev.palisade.ui.common.Tone;
import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
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
    void listsAccountsNobodyOwnsWithUnknown2faShownAsUnknown() {
        assertThat(m.unowned()).extracting(AccessViewModel.UnownedRow::name).containsExactly("deploy-bot", "ghost-contractor");
        var ghost = m.unowned().get(1);
        assertThat(ghost.detail().text()).contains("2FA ?");
        assertThat(ghost.detail().tone()).isEqualTo(Tone.UNKNOWN);
        assertThat(m.unowned().get(0).detail().tone()).as("400-day key").isEqualTo(Tone.WARN);
    }
}
