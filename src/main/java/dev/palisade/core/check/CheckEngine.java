package dev.palisade.core.check;

import dev.palisade.core.Finding;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Runs a catalogue of checks over a context and applies triage. */
public final class CheckEngine {
    private final List<Check> checks;

    public CheckEngine(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    /**
     * Evaluates every check. A check that throws is a bug, but never a silent PASS: it yields one ERROR
     * finding for the check so the failure is visible.
     */
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (Check check : checks) {
            try {
                out.addAll(check.evaluate(context));
            } catch (RuntimeException e) {
                CheckMetadata m = check.metadata();
                out.add(new Finding(m.id(), Status.ERROR, m.severity(), null,
                        new dev.palisade.core.Resource("check", m.id(), m.title()),
                        "Check " + m.id() + " could not be evaluated: " + e.getClass().getSimpleName() + ".",
                        m.remediation(), null));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Findings ordered by status (FAIL, ERROR, MUTED, PASS), then severity, then check and resource. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> switch (f.status()) {
                case FAIL -> 0;
                case ERROR -> 1;
                case MUTED -> 2;
                case PASS -> 3;
            })
            .thenComparing(Finding::severity)
            .thenComparing(Finding::check)
            .thenComparing(f -> Objects.toString(f.env(), ""))
            .thenComparing(f -> f.resource().id());

    /**
     * Attaches triage to findings, keyed by check and resource id, so it lasts across scans. A FAIL whose
     * triage mutes it at {@code now} becomes MUTED; once the mute expires it is FAIL again (with the triage
     * still attached, so the owner and the old note show). PASS and ERROR keep their status: an ERROR is
     * never hidden, since nobody knows what it would hide. A MUTED finding with no (or no longer muting)
     * triage goes back to FAIL, so re-applying triage to a stored snapshot is safe. The result is in
     * {@link #ORDER}.
     *
     * @param triage keyed by {@link #triageKey(String, String)}
     */
    public static List<Finding> applyTriage(List<Finding> findings, Map<String, Triage> triage, Instant now) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Status base = f.status() == Status.MUTED ? Status.FAIL : f.status();
            Triage t = triage.get(triageKey(f.check(), f.resource().id()));
            if (t == null || t.isEmpty()) {
                out.add(f.triage() == null && base == f.status() ? f : f.withTriage(null, base));
                continue;
            }
            out.add(f.withTriage(t, base == Status.FAIL && t.mutes(now) ? Status.MUTED : base));
        }
        out.sort(ORDER);
        return out;
    }

    /** Indexes triage records by {@link #triageKey(String, String)}; a later record for the same key wins. */
    public static Map<String, Triage> index(java.util.Collection<Triage> triage) {
        Map<String, Triage> out = new java.util.LinkedHashMap<>();
        for (Triage t : triage) {
            out.put(t.key(), t);
        }
        return out;
    }

    /**
     * True when a FAIL at or above {@code threshold} remains: what {@code scan --fail-on} exits 1 on.
     * MUTED findings do not count (a user accepted them), nor do ERRORs (they make the scan exit 3).
     */
    public static boolean failsAtOrAbove(List<Finding> findings, dev.palisade.core.Severity threshold) {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL && f.severity().atLeast(threshold));
    }

    public static String triageKey(String check, String resourceId) {
        return check + "|" + resourceId;
    }
}
