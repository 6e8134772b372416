package dev.palisade.core.inventory;

import java.util.Map;

/** Shared-account mode: resources belong to an environment by the tag {@code key=value}. */
public record EnvTag(String key, String value) {

    /**
     * True when a resource with these tags belongs to the environment: its tag value matches, or it
     * has no such tag at all (then it is claimed by every environment sharing the account and
     * {@code env.resource.tagged} flags it).
     */
    public boolean owns(Map<String, String> tags) {
        if (tags == null) {
            return true;
        }
        String v = tags.get(key);
        return v == null || v.equals(value);
    }
}
