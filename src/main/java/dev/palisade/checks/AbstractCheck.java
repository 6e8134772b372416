package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckMetadata;

/** Base of catalogue checks: holds the metadata and builds findings that carry it. */
public abstract class AbstractCheck implements Check {
    private final CheckMetadata metadata;

    protected AbstractCheck(String id, String title, Area area, String source, Severity severity, String rationale,
                            String remediation) {
        this.metadata = new CheckMetadata(id, title, area, source, severity, rationale, remediation);
    }

    @Override
    public final CheckMetadata metadata() {
        return metadata;
    }

    protected final Finding pass(String env, Resource resource, String message) {
        return finding(Status.PASS, metadata.severity(), env, resource, message);
    }

    protected final Finding fail(String env, Resource resource, String message) {
        return finding(Status.FAIL, metadata.severity(), env, resource, message);
    }

    protected final Finding fail(String env, Resource resource, Severity severity, String message) {
        return finding(Status.FAIL, severity, env, resource, message);
    }

    /** The data this check needs was not collected; {@code message} says which and why. */
    protected final Finding error(String env, Resource resource, String message) {
        return finding(Status.ERROR, metadata.severity(), env, resource, message);
    }

    protected final Finding finding(Status status, Severity severity, String env, Resource resource, String message) {
        return new Finding(metadata.id(), status, severity, env, resource, sentence(message), metadata.remediation(), null);
    }

    private static String sentence(String message) {
        String m = message.strip();
        return m.endsWith(".") || m.endsWith("!") || m.endsWith("?") ? m : m + ".";
    }
}
