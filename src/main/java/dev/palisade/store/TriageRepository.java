package dev.palisade.store;

import dev.palisade.core.Triage;
import java.util.Map;

/** Triage decisions (mute with note and expiry, owner), keyed by check id and resource id. */
public interface TriageRepository {
    /** Keyed by {@link dev.palisade.core.check.CheckEngine#triageKey(String, String)}. */
    Map<String, Triage> allTriage();

    void putTriage(Triage triage);

    void clearTriage(String check, String resourceId);
}
