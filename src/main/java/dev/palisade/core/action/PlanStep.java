package dev.palisade.core.action;

import java.util.Map;

/**
 * One step of an action plan: the exact API action and its target, shown in the preview before
 * anything runs. {@code params} carries what the executor needs (user name, key id, policy ARN…);
 * it never holds a secret.
 *
 * @param system {@code google}, {@code aws} or {@code github}
 * @param env    the environment for {@code aws} steps, else null
 * @param action the API action, e.g. {@code iam:DeleteLoginProfile}
 * @param target what it acts on, e.g. the IAM user ARN or an access key id
 */
public record PlanStep(int index, String system, String env, String action, String target, String description,
                       Map<String, String> params) {
    public PlanStep {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("step " + index + " (" + action + ") lacks parameter " + name);
        }
        return v;
    }

    /** Where this step runs: {@code aws:prod}, {@code google}, {@code github}. */
    public String executorKey() {
        return env == null ? system : system + ":" + env;
    }
}
