package dev.palisade.core;

import java.util.Objects;

/**
 * One check's verdict on one resource. {@code env} is the environment name or null when the
 * resource belongs to no environment (TLS, Workspace, GitHub, people). {@code message} is a
 * sentence that names the resource and ends with a period. {@code triage} is null unless a user
 * triaged it.
 */
public record Finding(String check, Status status, Severity severity, String env, Resource resource,
                      String message, String remediation, Triage triage) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The stable key diffs use: check, env, resource id and resource name (the name tells apart the
     * per-address findings of one TLS endpoint, which share the id {@code HOST:PORT}).
     */
    public String key() {
        return check + "|" + (env == null ? "" : env) + "|" + resource.id() + "|" + resource.name();
    }

    public Finding withTriage(Triage t, Status newStatus) {
        return new Finding(check, newStatus, severity, env, resource, message, remediation, t);
    }

    /** FAIL or ERROR: something a person has to look at. */
    public boolean isOpen() {
        return status == Status.FAIL || status == Status.ERROR;
    }
}
