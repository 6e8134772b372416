package dev.palisade.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IAM / S3 bucket / trust policy document, read leniently the way AWS reads it: {@code Statement}
 * as an object or an array, {@code Action}, {@code Resource} and principal values as a string or a
 * list, condition values as a string, boolean, number or list. The questions asked of it are
 * answered conservatively: a {@code NotAction}/{@code NotResource}/{@code NotPrincipal} never counts
 * as a narrow grant or as a protecting deny.
 */
public record PolicyDocument(List<Statement> statements) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Thrown when a document is not a policy; the message says what is wrong. */
    public static final class InvalidPolicyException extends Exception {
        public InvalidPolicyException(String message) {
            super(message);
        }
    }

    public enum Effect { ALLOW, DENY }

    /**
     * One statement.
     *
     * @param principals   principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser},
     *                     or {@code *} for {@code "Principal": "*"}) to values; empty when the statement has none
     * @param conditions   operator to (condition key to values); keys as written
     */
    public record Statement(String sid, Effect effect, Map<String, List<String>> principals, boolean notPrincipal,
                            List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                            Map<String, Map<String, List<String>>> conditions) {
        public Statement {
            principals = Map.copyOf(principals);
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditions = Map.copyOf(conditions);
        }

        /** {@code Principal: "*"} or any principal value {@code "*"} ({@code {"AWS": "*"}}); a NotPrincipal counts too. */
        public boolean appliesToEveryone() {
            if (notPrincipal) {
                return true;
            }
            return principals.values().stream().anyMatch(v -> v.contains("*"));
        }

        /** True when some action pattern matches every action of {@code service} ({@code *}, {@code s3:*}, {@code s3*}). */
        public boolean coversAllActionsOf(String service) {
            return !notAction && actions.stream().anyMatch(a -> coversPrefix(a, service + ":", false));
        }

        /** True when some action pattern is exactly {@code *} (every action of every service). */
        public boolean coversAllActions() {
            return !notAction && actions.contains("*");
        }

        /** True when some resource pattern is exactly {@code *}. */
        public boolean coversAllResources() {
            return !notResource && resources.contains("*");
        }

        /** True when some resource pattern matches every ARN that starts with {@code prefix}. */
        public boolean coversResourcesUnder(String prefix) {
            return !notResource && resources.stream().anyMatch(r -> coversPrefix(r, prefix, true));
        }

        /** True when the statement has any condition key (case-insensitive) from {@code keys}. */
        public boolean hasConditionKey(Set<String> keysLowerCase) {
            return conditions.values().stream()
                    .flatMap(m -> m.keySet().stream())
                    .anyMatch(k -> keysLowerCase.contains(k.toLowerCase(Locale.ROOT)));
        }

        /** The AWS principal values (account ids, ARNs), empty when none. */
        public List<String> awsPrincipals() {
            List<String> out = new ArrayList<>();
            principals.forEach((type, values) -> {
                if (type.equalsIgnoreCase("AWS")) {
                    out.addAll(values);
                }
            });
            return out;
        }
    }

    public static PolicyDocument parse(String json) throws InvalidPolicyException {
        if (json == null || json.isBlank()) {
            throw new InvalidPolicyException("the policy document is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("the policy document is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPolicyException("the policy document is not a JSON object");
        }
        JsonNode st = root.get("Statement");
        List<Statement> out = new ArrayList<>();
        if (st == null || st.isNull()) {
            return new PolicyDocument(out);
        }
        if (st.isObject()) {
            out.add(statement(st));
        } else if (st.isArray()) {
            for (JsonNode n : st) {
                if (!n.isObject()) {
                    throw new InvalidPolicyException("a Statement entry is not an object");
                }
                out.add(statement(n));
            }
        } else {
            throw new InvalidPolicyException("Statement is neither an object nor an array");
        }
        return new PolicyDocument(out);
    }

    /** Parses, or returns null when the document is not a policy (callers turn that into an ERROR). */
    static PolicyDocument parseOrNull(String json) {
        try {
            return parse(json);
        } catch (InvalidPolicyException e) {
            return null;
        }
    }

    private static Statement statement(JsonNode n) throws InvalidPolicyException {
        String effectText = n.path("Effect").asText("");
        Effect effect;
        if (effectText.equalsIgnoreCase("Allow")) {
            effect = Effect.ALLOW;
        } else if (effectText.equalsIgnoreCase("Deny")) {
            effect = Effect.DENY;
        } else {
            throw new InvalidPolicyException("a statement has no Effect Allow or Deny");
        }
        boolean notPrincipal = n.has("NotPrincipal");
        Map<String, List<String>> principals = principals(notPrincipal ? n.get("NotPrincipal") : n.get("Principal"));
        boolean notAction = !n.has("Action") && n.has("NotAction");
        List<String> actions = strings(notAction ? n.get("NotAction") : n.get("Action"));
        boolean notResource = !n.has("Resource") && n.has("NotResource");
        List<String> resources = strings(notResource ? n.get("NotResource") : n.get("Resource"));
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        JsonNode cond = n.get("Condition");
        if (cond != null && cond.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = cond.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                Map<String, List<String>> keys = new LinkedHashMap<>();
                if (op.getValue().isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> kt = op.getValue().fields(); kt.hasNext(); ) {
                        Map.Entry<String, JsonNode> k = kt.next();
                        keys.put(k.getKey(), strings(k.getValue()));
                    }
                }
                conditions.put(op.getKey(), Map.copyOf(keys));
            }
        }
        String sid = n.hasNonNull("Sid") ? n.get("Sid").asText() : null;
        return new Statement(sid, effect, principals, notPrincipal, actions, notAction, resources, notResource, conditions);
    }

    private static Map<String, List<String>> principals(JsonNode p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (p == null || p.isNull()) {
            return out;
        }
        if (p.isTextual()) {
            out.put("*", List.of(p.asText()));
        } else if (p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), strings(e.getValue()));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (e.isValueNode()) {
                    out.add(e.asText());
                }
            }
        } else if (n.isValueNode()) {
            out.add(n.asText());
        }
        return out;
    }

    /**
     * True when {@code pattern} (AWS wildcards {@code *} and {@code ?}) matches every string that starts
     * with {@code prefix}: it matches the prefix itself and ends in {@code *}, so any suffix matches too.
     */
    static boolean coversPrefix(String pattern, String prefix, boolean caseSensitive) {
        return pattern.endsWith("*") && glob(pattern, caseSensitive).matcher(prefix).matches();
    }

    /** True when {@code pattern} with AWS wildcards matches {@code value}. */
    static boolean matches(String pattern, String value, boolean caseSensitive) {
        return glob(pattern, caseSensitive).matcher(value).matches();
    }

    private static Pattern glob(String pattern, boolean caseSensitive) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE));
    }
}
