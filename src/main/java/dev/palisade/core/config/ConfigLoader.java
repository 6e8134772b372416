package dev.palisade.core.config;

import dev.palisade.core.inventory.EnvTag;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code palisade.yaml} (SPEC.md "Configuration") into {@link PalisadeConfig}. The YAML is
 * composed into a node tree (snakeyaml-engine) and walked by hand so that every error names the
 * line, column and key: unknown keys (with a "did you mean"), wrong types, missing required values,
 * duplicate keys, unset {@code ${VARIABLE}} references.
 *
 * <p>String values may reference environment variables as {@code ${NAME}}; an unset variable is an
 * error. Secrets are never read from this file: a key that looks like one ({@code token},
 * {@code password}…) is refused with a pointer to where the secret belongs ({@code github.tokenEnv},
 * the OS keychain).
 */
public final class ConfigLoader {
    public static final String FILE_NAME = "palisade.yaml";

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Set<String> SECRET_LIKE = Set.of("token", "password", "secret", "secretaccesskey",
            "accesskey", "accesskeyid", "apikey", "privatekey", "clientsecret", "passphrase", "refreshtoken");

    private final Path file;
    private final Function<String, String> env;

    private ConfigLoader(Path file, Function<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /** Loads {@code home/palisade.yaml} with the process environment. */
    public static PalisadeConfig load(Path home) throws ConfigException {
        return load(home.resolve(FILE_NAME), home, System::getenv);
    }

    /**
     * @param file the YAML file
     * @param home the data directory relative file names resolve against
     * @param env  environment lookup for {@code ${NAME}} references (returns null when unset)
     */
    public static PalisadeConfig load(Path file, Path home, Function<String, String> env) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, 0, null,
                    "file not found; create it (see the README's configuration reference) or use --demo.");
        } catch (MalformedInputException e) {
            throw new ConfigException(file, 0, 0, null, "not UTF-8 text; save the file as UTF-8.");
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, null, "cannot be read (" + e.getClass().getSimpleName()
                    + "); check the file's permissions.");
        }
        return parse(text, file, home, env);
    }

    /** Parses YAML text; {@code file} is only used in messages. */
    public static PalisadeConfig parse(String yaml, Path file, Path home, Function<String, String> env)
            throws ConfigException {
        return new ConfigLoader(file, env).read(yaml, home);
    }

    private PalisadeConfig read(String yaml, Path home) throws ConfigException {
        LoadSettings settings = LoadSettings.builder().setLabel(String.valueOf(file)).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10).setAllowRecursiveKeys(false).build();
        Optional<Node> rootOpt;
        try (Reader r = new java.io.StringReader(yaml)) {
            rootOpt = new Compose(settings).composeReader(r);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw new ConfigException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, null,
                    "not valid YAML: " + firstLine(e.getProblem()) + "; fix the syntax (indent with spaces, quote values containing ': ').");
        } catch (YamlEngineException e) {
            throw new ConfigException(file, 0, 0, null, "not valid YAML: " + firstLine(e.getMessage()) + ".");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (rootOpt.isEmpty()) {
            throw new ConfigException(file, 1, 1, null, "the file is empty; it needs at least 'organization:'.");
        }
        Node root = rootOpt.get();
        Map<String, NodeTuple> top = mapping(root, "", Set.of("organization", "google", "environments", "domains",
                "tls", "github", "thresholds", "people"));
        String organization = requiredString(top, "organization", "", root);
        GoogleConfig google = top.containsKey("google") ? google(top.get("google")) : null;
        Map<String, EnvironmentConfig> environments = top.containsKey("environments")
                ? environments(top.get("environments").getValueNode()) : Map.of();
        List<DomainConfig> domains = top.containsKey("domains") ? domains(top.get("domains").getValueNode()) : List.of();
        TlsConfig tls = top.containsKey("tls") ? tls(top.get("tls").getValueNode()) : TlsConfig.defaults();
        GitHubConfig github = top.containsKey("github") ? github(top.get("github")) : null;
        Thresholds thresholds = top.containsKey("thresholds") ? thresholds(top.get("thresholds").getValueNode())
                : Thresholds.defaults();
        List<PersonLink> people = top.containsKey("people") ? people(top.get("people").getValueNode()) : List.of();
        return new PalisadeConfig(home, organization, google, environments, domains, tls, github, thresholds, people);
    }

    // ---------------------------------------------------------------- sections

    private GoogleConfig google(NodeTuple t) throws ConfigException {
        String p = "google";
        Map<String, NodeTuple> m = mapping(t.getValueNode(), p, Set.of("domain", "admins", "clientSecretFile", "issuer",
                "directoryUrl", "serviceAccountKeyFile", "serviceAccountSubject", "idleLockMinutes"));
        return new GoogleConfig(requiredString(m, "domain", p, t.getValueNode()), stringList(m, "admins", p),
                optString(m, "clientSecretFile", p), url(m, "issuer", p), url(m, "directoryUrl", p),
                optString(m, "serviceAccountKeyFile", p), optString(m, "serviceAccountSubject", p),
                optInt(m, "idleLockMinutes", p, 1, 24 * 60, 15));
    }

    private Map<String, EnvironmentConfig> environments(Node n) throws ConfigException {
        Map<String, NodeTuple> envs = mapping(n, "environments", null);
        Map<String, EnvironmentConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : envs.entrySet()) {
            String name = e.getKey();
            String p = "environments." + name;
            if (!ENV_NAME.matcher(name).matches()) {
                throw error(e.getValue().getKeyNode(), p, "environment name '" + name
                        + "' is not allowed; use letters, digits, '-', '_' or '.' (for example prod, staging).");
            }
            Node v = e.getValue().getValueNode();
            Map<String, NodeTuple> m = mapping(v, p, Set.of("production", "aws"));
            boolean production = optBool(m, "production", p, false);
            AwsConfig aws = m.containsKey("aws") ? aws(m.get("aws").getValueNode(), p + ".aws") : null;
            out.put(name, new EnvironmentConfig(name, production, aws));
        }
        return out;
    }

    private AwsConfig aws(Node n, String p) throws ConfigException {
        Map<String, NodeTuple> m = mapping(n, p, Set.of("profile", "regions", "endpointUrl", "tag", "actionProfile"));
        List<String> regions = stringList(m, "regions", p);
        for (int i = 0; i < regions.size(); i++) {
            if (!regions.get(i).matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                Node rn = ((SequenceNode) m.get("regions").getValueNode()).getValue().get(i);
                throw error(rn, p + ".regions", shown(rn, regions.get(i))
                        + " is not an AWS region name; expected something like us-east-1 or eu-west-1.");
            }
        }
        EnvTag tag = null;
        if (m.containsKey("tag")) {
            Node tn = m.get("tag").getValueNode();
            Map<String, NodeTuple> tm = mapping(tn, p + ".tag", Set.of("key", "value"));
            tag = new EnvTag(requiredString(tm, "key", p + ".tag", tn), requiredString(tm, "value", p + ".tag", tn));
        }
        return new AwsConfig(optString(m, "profile", p), regions, url(m, "endpointUrl", p), tag,
                optString(m, "actionProfile", p));
    }

    private List<DomainConfig> domains(Node n) throws ConfigException {
        List<DomainConfig> out = new ArrayList<>();
        List<Node> items = sequence(n, "domains");
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String p = "domains[" + i + "]";
            DomainConfig d;
            if (item instanceof ScalarNode) {
                d = new DomainConfig(host(item, p), 443);
            } else if (item instanceof MappingNode) {
                Map<String, NodeTuple> m = mapping(item, p, Set.of("host", "port"));
                if (!m.containsKey("host")) {
                    throw error(item, p, "missing 'host'; expected {host: NAME, port: 443}.");
                }
                d = new DomainConfig(host(m.get("host").getValueNode(), p + ".host"), optInt(m, "port", p, 1, 65535, 443));
            } else {
                throw error(item, p, "expected a host name or {host: NAME, port: NUMBER}.");
            }
            out.add(d);
        }
        return out;
    }

    private String host(Node n, String p) throws ConfigException {
        String h = scalar(n, p, "a host name").toLowerCase(Locale.ROOT);
        if (!h.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?")) {
            throw error(n, p, shown(n, h) + " is not a host name; write the name only, without https:// or a path.");
        }
        return h;
    }

    private TlsConfig tls(Node n) throws ConfigException {
        Map<String, NodeTuple> m = mapping(n, "tls", Set.of("extraTrustedCertificates", "connectTimeoutSeconds"));
        return new TlsConfig(stringList(m, "extraTrustedCertificates", "tls"),
                optInt(m, "connectTimeoutSeconds", "tls", 1, 120, 5));
    }

    private GitHubConfig github(NodeTuple t) throws ConfigException {
        String p = "github";
        Map<String, NodeTuple> m = mapping(t.getValueNode(), p,
                Set.of("organization", "organizations", "apiUrl", "tokenEnv", "securityLabels"));
        String tokenEnv = optString(m, "tokenEnv", p);
        if (tokenEnv != null && !tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error(m.get("tokenEnv").getValueNode(), p + ".tokenEnv",
                    "expected the NAME of an environment variable that holds the token (for example PALISADE_GITHUB_TOKEN), not the token itself.");
        }
        return new GitHubConfig(githubOrganizations(m, t.getValueNode()), url(m, "apiUrl", p), tokenEnv,
                stringList(m, "securityLabels", p));
    }

    /** {@code organization: acme} or {@code organizations: [acme, acme-oss]}, exactly one of them. */
    private List<String> githubOrganizations(Map<String, NodeTuple> m, Node section) throws ConfigException {
        String p = "github";
        if (m.containsKey("organization") && m.containsKey("organizations")) {
            throw error(m.get("organizations").getKeyNode(), p + ".organizations", "cannot be used together with"
                    + " 'github.organization'; keep one: 'organization: acme' for one organization or"
                    + " 'organizations: [acme, acme-oss]' for several.");
        }
        if (!m.containsKey("organizations")) {
            if (!m.containsKey("organization")) {
                throw error(section, p + ".organization", "is required but missing; add 'organization: …' (or"
                        + " 'organizations: [a, b]' for several organizations) under 'github'.");
            }
            return List.of(requiredString(m, "organization", p, section));
        }
        String full = p + ".organizations";
        Node n = m.get("organizations").getValueNode();
        if (n instanceof ScalarNode s && !s.getValue().isEmpty()) {
            throw error(n, full, "expected a list of organization names such as [" + s.getValue()
                    + "], found a single value; for one organization write 'organization: " + s.getValue() + "'.");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Node item : sequence(n, full)) {
            String v = scalar(item, full, "an organization name (text)");
            if (v.isEmpty()) {
                throw error(item, full, "contains an empty entry; remove it.");
            }
            if (!v.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?")) {
                throw error(item, full, shown(item, v) + " is not a GitHub organization name; expected the login"
                        + " as in github.com/LOGIN (letters, digits and '-').");
            }
            if (!seen.add(v.toLowerCase(Locale.ROOT))) {
                throw error(item, full, "lists " + shown(item, v) + " twice; keep one.");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw error(n, full, "is empty; list at least one organization, for example [acme, acme-oss].");
        }
        return List.copyOf(out);
    }

    private Thresholds thresholds(Node n) throws ConfigException {
        String p = "thresholds";
        Map<String, NodeTuple> m = mapping(n, p, Set.of("accessKeyMaxAgeDays", "credentialUnusedDays", "maxProdPeople",
                "issueSlaDays", "workspaceInactiveDays"));
        Thresholds d = Thresholds.defaults();
        Thresholds.IssueSla sla = d.issueSlaDays();
        if (m.containsKey("issueSlaDays")) {
            Map<String, NodeTuple> s = mapping(m.get("issueSlaDays").getValueNode(), p + ".issueSlaDays",
                    Set.of("critical", "high", "medium", "low"));
            String sp = p + ".issueSlaDays";
            sla = new Thresholds.IssueSla(optInt(s, "critical", sp, 1, 3650, sla.critical()),
                    optInt(s, "high", sp, 1, 3650, sla.high()), optInt(s, "medium", sp, 1, 3650, sla.medium()),
                    optInt(s, "low", sp, 1, 3650, sla.low()));
        }
        return new Thresholds(optInt(m, "accessKeyMaxAgeDays", p, 1, 3650, d.accessKeyMaxAgeDays()),
                optInt(m, "credentialUnusedDays", p, 1, 3650, d.credentialUnusedDays()),
                optInt(m, "maxProdPeople", p, 0, 10_000, d.maxProdPeople()), sla,
                optInt(m, "workspaceInactiveDays", p, 1, 3650, d.workspaceInactiveDays()));
    }

    private List<PersonLink> people(Node n) throws ConfigException {
        List<PersonLink> out = new ArrayList<>();
        List<Node> items = sequence(n, "people");
        for (int i = 0; i < items.size(); i++) {
            String p = "people[" + i + "]";
            Node item = items.get(i);
            Map<String, NodeTuple> m = mapping(item, p, Set.of("email", "aws", "github"));
            String email = requiredString(m, "email", p, item);
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw error(m.get("email").getValueNode(), p + ".email", shown(m.get("email").getValueNode(), email)
                        + " is not an email address.");
            }
            out.add(new PersonLink(email.toLowerCase(Locale.ROOT), stringList(m, "aws", p), stringList(m, "github", p)));
        }
        return out;
    }

    // ---------------------------------------------------------------- node helpers

    /** A mapping's entries by key; {@code allowed} null means any key. */
    private Map<String, NodeTuple> mapping(Node n, String path, Set<String> allowed) throws ConfigException {
        if (!(n instanceof MappingNode mn)) {
            if (n instanceof ScalarNode s && s.getValue().isEmpty()) {
                return Map.of(); // "google:" with nothing under it
            }
            throw error(n, path, "expected a mapping (key: value lines indented under it), found " + describe(n) + ".");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error(t.getKeyNode(), path, "keys must be plain names.");
            }
            String key = k.getValue();
            String full = path.isEmpty() ? key : path + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                throw error(k, full, unknownKeyProblem(key, allowed));
            }
            if (out.containsKey(key)) {
                throw error(k, full, "appears twice; keep one.");
            }
            out.put(key, t);
        }
        return out;
    }

    private static String unknownKeyProblem(String key, Set<String> allowed) {
        String norm = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (SECRET_LIKE.contains(norm)) {
            return "Palisade never reads secrets from palisade.yaml; remove '" + key
                    + "' and keep the secret in an environment variable (github.tokenEnv) or the OS keychain (from the app).";
        }
        List<String> sorted = allowed.stream().sorted().toList();
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : sorted) {
            int d = distance(key.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        String hint = best != null && bestD <= Math.max(2, key.length() / 3) ? " Did you mean '" + best + "'?" : "";
        return "unknown key '" + key + "'; expected one of " + String.join(", ", sorted) + "." + hint;
    }

    private List<Node> sequence(Node n, String path) throws ConfigException {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        if (n instanceof ScalarNode s && s.getValue().isEmpty()) {
            return List.of();
        }
        throw error(n, path, "expected a list ([a, b] or lines starting with '- '), found " + describe(n) + ".");
    }

    private String scalar(Node n, String path, String what) throws ConfigException {
        if (!(n instanceof ScalarNode s)) {
            throw error(n, path, "expected " + what + ", found " + describe(n) + ".");
        }
        return interpolate(s, path);
    }

    private String interpolate(ScalarNode s, String path) throws ConfigException {
        String v = s.getValue();
        Matcher m = ENV_REF.matcher(v);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                throw error(s, path, "refers to the environment variable " + m.group(1)
                        + ", which is not set; set it or write the value directly.");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString().trim();
    }

    private String requiredString(Map<String, NodeTuple> m, String key, String parent, Node parentNode)
            throws ConfigException {
        String full = parent.isEmpty() ? key : parent + "." + key;
        if (!m.containsKey(key)) {
            throw error(parentNode, full, "is required but missing; add '" + key + ": …'"
                    + (parent.isEmpty() ? " at the top of the file." : " under '" + parent + "'."));
        }
        String v = scalar(m.get(key).getValueNode(), full, "a text value");
        if (v.isEmpty()) {
            throw error(m.get(key).getValueNode(), full, "is empty; give it a value.");
        }
        return v;
    }

    private String optString(Map<String, NodeTuple> m, String key, String parent) throws ConfigException {
        if (!m.containsKey(key)) {
            return null;
        }
        String v = scalar(m.get(key).getValueNode(), parent + "." + key, "a text value");
        return v.isEmpty() ? null : v;
    }

    private String url(Map<String, NodeTuple> m, String key, String parent) throws ConfigException {
        String v = optString(m, key, parent);
        if (v != null && !v.matches("https?://[^\\s/]+.*")) {
            throw error(m.get(key).getValueNode(), parent + "." + key,
                    shown(m.get(key).getValueNode(), v) + " is not a URL; expected http(s)://host[:port][/path].");
        }
        return v;
    }

    private boolean optBool(Map<String, NodeTuple> m, String key, String parent, boolean dflt) throws ConfigException {
        if (!m.containsKey(key)) {
            return dflt;
        }
        Node n = m.get(key).getValueNode();
        String v = scalar(n, parent + "." + key, "true or false");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(n, parent + "." + key, "expected true or false, found " + shown(n, v) + ".");
        };
    }

    private int optInt(Map<String, NodeTuple> m, String key, String parent, int min, int max, int dflt)
            throws ConfigException {
        if (!m.containsKey(key)) {
            return dflt;
        }
        Node n = m.get(key).getValueNode();
        String full = parent + "." + key;
        String v = scalar(n, full, "a whole number");
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(n, full, "expected a whole number between " + min + " and " + max + ", found " + shown(n, v) + ".");
        }
        if (i < min || i > max) {
            throw error(n, full, "expected a whole number between " + min + " and " + max + ", found " + i + ".");
        }
        return i;
    }

    private List<String> stringList(Map<String, NodeTuple> m, String key, String parent) throws ConfigException {
        if (!m.containsKey(key)) {
            return List.of();
        }
        String full = parent + "." + key;
        Node n = m.get(key).getValueNode();
        if (n instanceof ScalarNode s && !s.getValue().isEmpty()) {
            throw error(n, full, "expected a list such as [" + s.getValue() + "], found a single value.");
        }
        List<String> out = new ArrayList<>();
        for (Node item : sequence(n, full)) {
            String v = scalar(item, full, "a text value");
            if (v.isEmpty()) {
                throw error(item, full, "contains an empty entry; remove it.");
            }
            out.add(v);
        }
        return out;
    }

    /**
     * How a value appears in a message: quoted, unless it came from a {@code ${NAME}} reference, in
     * which case the reference is shown instead (an environment variable may hold something secret).
     */
    private static String shown(Node n, String value) {
        if (n instanceof ScalarNode s && s.getValue().contains("${")) {
            return "the value of " + s.getValue();
        }
        return "'" + value + "'";
    }

    private ConfigException error(Node n, String key, String problem) {
        Optional<Mark> mark = n == null ? Optional.empty() : n.getStartMark();
        return new ConfigException(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), key, problem);
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof ScalarNode s) {
            return s.getValue().isEmpty() ? "nothing" : "a single value";
        }
        return "something else";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
