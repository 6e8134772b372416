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
     * Attaches triage to findings. A FAIL whose triage mutes it at {@code now} becomes MUTED; an expired
     * mute leaves it FAIL (with the triage attached, so the owner still shows). PASS and ERROR keep their status.
     *
     * @param triage keyed by {@link #triageKey(String, String)}
     */
    public static List<Finding> applyTriage(List<Finding> findings, Map<String, Triage> triage, Instant now) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Triage t = triage.get(triageKey(f.check(), f.resource().id()));
            if (t == null) {
                out.add(f.triage() == null ? f : f.withTriage(null, f.status() == Status.MUTED ? Status.FAIL : f.status()));
                continue;
            }
            Status s = f.status() == Status.MUTED ? Status.FAIL : f.status();
            if (s == Status.FAIL && t.mutes(now)) {
                s = Status.MUTED;
            }
            out.add(f.withTriage(t, s));
        }
        return out;
    }

    public static String triageKey(String check, String resourceId) {
        return check + "|" + resourceId;
    }
}
