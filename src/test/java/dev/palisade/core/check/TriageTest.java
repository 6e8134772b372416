package dev.palisade.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageTest {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Resource BOB = Resources.githubMember("bob");
    static final Resource ALICE = Resources.githubMember("alice");

    /** A check whose verdict per resource the test sets, standing in for one scan after another. */
    static final class ScriptedCheck implements Check {
        final String id;
        Map<Resource, Status> verdicts;

        ScriptedCheck(String id, Map<Resource, Status> verdicts) {
            this.id = id;
            this.verdicts = verdicts;
        }

        @Override
        public CheckMetadata metadata() {
            return new CheckMetadata(id, id, Area.ACCESS, "github", Severity.HIGH, "r", "fix it");
        }

        @Override
        public List<Finding> evaluate(CheckContext context) {
            return verdicts.entrySet().stream().map(e -> new Finding(id, e.getValue(), Severity.HIGH, null, e.getKey(),
                    e.getKey().name() + " is " + e.getValue() + ".", "fix it", null)).toList();
        }
    }

    static CheckContext ctx(Instant now) {
        return new CheckContext(Inventory.empty(), new PalisadeConfig(null, "Acme", null, null, null, null, null, null, null), now);
    }

    static List<Finding> scan(CheckEngine engine, Map<String, Triage> triage, Instant now) {
        return CheckEngine.applyTriage(engine.evaluate(ctx(now)), triage, now);
    }

    static Finding of(List<Finding> fs, String check, Resource r) {
        return fs.stream().filter(f -> f.check().equals(check) && f.resource().equals(r)).findFirst().orElseThrow();
    }

    @Test
    void muteLastsAcrossScansUntilItsExpiryThenTheFindingFailsAgain() {
        ScriptedCheck check = new ScriptedCheck("github.member.2fa", Map.of(BOB, Status.FAIL, ALICE, Status.FAIL));
        CheckEngine engine = new CheckEngine(List.of(check));
        Triage mute = Triage.mute("github.member.2fa", "bob", T0.plus(Duration.ofDays(14)),
                "Contractor leaves on the 10th; account goes then.", "founder@acme.example", T0);
        Map<String, Triage> stored = CheckEngine.index(List.of(mute));

        List<Finding> first = scan(engine, stored, T0.plus(Duration.ofHours(1)));
        assertThat(of(first, "github.member.2fa", BOB).status()).isEqualTo(Status.MUTED);
        assertThat(of(first, "github.member.2fa", BOB).triage()).isEqualTo(mute);
        assertThat(of(first, "github.member.2fa", ALICE).status()).isEqualTo(Status.FAIL);
        assertThat(of(first, "github.member.2fa", ALICE).triage()).isNull();

        List<Finding> nextWeek = scan(engine, stored, T0.plus(Duration.ofDays(7)));
        assertThat(of(nextWeek, "github.member.2fa", BOB).status()).isEqualTo(Status.MUTED);

        List<Finding> atExpiry = scan(engine, stored, T0.plus(Duration.ofDays(14)));
        Finding bob = of(atExpiry, "github.member.2fa", BOB);
        assertThat(bob.status()).isEqualTo(Status.FAIL);
        assertThat(bob.triage().muteExpired(T0.plus(Duration.ofDays(14)))).isTrue();
        assertThat(bob.triage().note()).contains("Contractor");
    }

    @Test
    void ownerAssignmentSurvivesRescansAndMuteChanges() {
        ScriptedCheck check = new ScriptedCheck("issue.security.open", Map.of(BOB, Status.FAIL));
        CheckEngine engine = new CheckEngine(List.of(check));
        Triage assigned = Triage.assign("issue.security.open", "bob", "dana@acme.example", "founder@acme.example", T0);
        Map<String, Triage> stored = CheckEngine.index(List.of(assigned));
        for (int week = 0; week < 3; week++) {
            Finding f = of(scan(engine, stored, T0.plus(Duration.ofDays(7L * week))), "issue.security.open", BOB);
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.triage().owner()).isEqualTo("dana@acme.example");
        }
        Triage muted = assigned.withMute(T0.plus(Duration.ofDays(30)), "Waiting for vendor fix.", "founder@acme.example", T0);
        Finding f = of(scan(engine, CheckEngine.index(List.of(muted)), T0.plus(Duration.ofDays(1))), "issue.security.open", BOB);
        assertThat(f.status()).isEqualTo(Status.MUTED);
        assertThat(f.triage().owner()).isEqualTo("dana@acme.example");
        Triage unmuted = muted.withoutMute("founder@acme.example", T0);
        assertThat(unmuted.owner()).isEqualTo("dana@acme.example");
        assertThat(of(scan(engine, CheckEngine.index(List.of(unmuted)), T0.plus(Duration.ofDays(1))), "issue.security.open", BOB)
                .status()).isEqualTo(Status.FAIL);
    }

    @Test
    void triageIsKeyedByCheckAndResourceId() {
        ScriptedCheck a = new ScriptedCheck("github.member.2fa", Map.of(BOB, Status.FAIL));
        ScriptedCheck b = new ScriptedCheck("access.account.unowned", Map.of(BOB, Status.FAIL));
        Triage mute = Triage.mute("github.member.2fa", "bob", T0.plusSeconds(3600), "Known.", "f", T0);
        List<Finding> out = scan(new CheckEngine(List.of(a, b)), CheckEngine.index(List.of(mute)), T0);
        assertThat(of(out, "github.member.2fa", BOB).status()).isEqualTo(Status.MUTED);
        assertThat(of(out, "access.account.unowned", BOB).status()).isEqualTo(Status.FAIL);
        assertThat(of(out, "access.account.unowned", BOB).triage()).isNull();
        assertThat(mute.key()).isEqualTo(CheckEngine.triageKey("github.member.2fa", "bob"));
    }

    @Test
    void passAndErrorAreNeverMutedButShowTheirTriage() {
        ScriptedCheck check = new ScriptedCheck("github.member.2fa", Map.of(BOB, Status.ERROR, ALICE, Status.PASS));
        Map<String, Triage> stored = CheckEngine.index(List.of(
                Triage.mute("github.member.2fa", "bob", T0.plusSeconds(3600), "x", "f", T0),
                new Triage("github.member.2fa", "alice", T0.plusSeconds(3600), "y", "dana", "f", T0)));
        List<Finding> out = scan(new CheckEngine(List.of(check)), stored, T0);
        assertThat(of(out, "github.member.2fa", BOB).status()).isEqualTo(Status.ERROR);
        assertThat(of(out, "github.member.2fa", BOB).triage()).isNotNull();
        assertThat(of(out, "github.member.2fa", ALICE).status()).isEqualTo(Status.PASS);
        assertThat(of(out, "github.member.2fa", ALICE).triage().owner()).isEqualTo("dana");
    }

    @Test
    void reapplyingToAStoredSnapshotUndoesAClearedMute() {
        Finding stored = new Finding("github.member.2fa", Status.MUTED, Severity.HIGH, null, BOB, "m.", "r",
                Triage.mute("github.member.2fa", "bob", T0.plusSeconds(60), "n", "f", T0));
        List<Finding> out = CheckEngine.applyTriage(List.of(stored), Map.of(), T0);
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.triage()).isNull();
        });
    }

    @Test
    void mutedFindingsSortAfterFailAndErrorAndDoNotTripFailOn() {
        ScriptedCheck check = new ScriptedCheck("github.member.2fa", Map.of(BOB, Status.FAIL, ALICE, Status.ERROR));
        Map<String, Triage> stored = CheckEngine.index(List.of(Triage.mute("github.member.2fa", "bob",
                T0.plusSeconds(3600), "Accepted.", "f", T0)));
        List<Finding> out = scan(new CheckEngine(List.of(check)), stored, T0);
        assertThat(out).extracting(Finding::status).containsExactly(Status.ERROR, Status.MUTED);
        assertThat(CheckEngine.failsAtOrAbove(out, Severity.LOW)).isFalse();
        assertThat(CheckEngine.failsAtOrAbove(CheckEngine.applyTriage(out, Map.of(), T0), Severity.HIGH)).isTrue();
        assertThat(CheckEngine.failsAtOrAbove(CheckEngine.applyTriage(out, Map.of(), T0), Severity.CRITICAL)).isFalse();
    }

    @Test
    void aMuteNeedsANoteAndBlankFieldsAreNormalised() {
        assertThatThrownBy(() -> Triage.mute("c", "r", T0, "  ", "f", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Triage("c", "r", T0, null, "o", "f", T0)).isInstanceOf(IllegalArgumentException.class);
        Triage t = new Triage("c", "r", null, " ", " ", "f", T0);
        assertThat(t.owner()).isNull();
        assertThat(t.note()).isNull();
        assertThat(t.isEmpty()).isTrue();
        assertThat(Triage.assign("c", "r", "dana", "f", T0).withOwner(null, "f", T0).isEmpty()).isTrue();
        assertThat(Triage.mute("c", "r", T0, "why", "f", T0).describe()).isEqualTo("muted until " + T0 + " (why); no owner");
    }

    @Test
    void emptyTriageLeavesTheFindingUntouched() {
        ScriptedCheck check = new ScriptedCheck("github.member.2fa", Map.of(BOB, Status.FAIL));
        List<Finding> out = scan(new CheckEngine(List.of(check)),
                CheckEngine.index(List.of(new Triage("github.member.2fa", "bob", null, null, null, "f", T0))), T0);
        assertThat(out).singleElement().satisfies(f -> assertThat(f.triage()).isNull());
    }

    @Test
    void triagedFindingsRoundTripThroughSnapshotJson() {
        Finding f = new Finding("github.member.2fa", Status.MUTED, Severity.HIGH, null, BOB, "m.", "r",
                Triage.mute("github.member.2fa", "bob", T0.plusSeconds(60), "n", "f", T0).withOwner("dana", "f", T0));
        Snapshot s = new Snapshot("s1", "Acme", T0, T0, List.of(), List.of(f), Inventory.empty());
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(s, false))).isEqualTo(s);
    }
}
