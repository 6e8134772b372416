package dev.palisade.collect.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub REST v3 server for tests, on 127.0.0.1, speaking GitHub's JSON shapes, headers and
 * errors: {@code Link} pagination (page numbers for lists, {@code after} cursors for Dependabot
 * alerts), classic-token scopes ({@code X-OAuth-Scopes} / {@code X-Accepted-OAuth-Scopes}),
 * owner-only 2FA filter (422), hidden {@code two_factor_requirement_enabled} for non-owners, 401
 * "Bad credentials", alerts disabled (Dependabot 403, secret scanning 404), and injectable faults
 * (rate limits). Optionally mounted under {@code /api/v3} like GitHub Enterprise Server.
 *
 * <p>The org model is mutable from the test thread before requests; handlers run on one thread.
 * DELETE endpoints can be added beside {@link #handle(HttpExchange)}'s GET routes.
 */
public final class GitHubApiServer implements AutoCloseable {
    public static final String DOCS = "https://docs.github.com/rest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public record Member(String login, boolean admin, boolean twoFactor) {
    }

    public record Repo(String fullName, boolean privateRepo, boolean archived, boolean dependabotEnabled,
                       boolean secretScanningEnabled, List<String> dependabotSeverities, List<String> secrets) {
        public Repo {
            dependabotSeverities = List.copyOf(dependabotSeverities);
            secrets = List.copyOf(secrets);
        }
    }

    public record Issue(String repo, int number, String title, List<String> labels, Instant createdAt, String assignee,
                        String author, boolean pullRequest) {
        public Issue {
            labels = List.copyOf(labels);
        }
    }

    /** One request as received. */
    public record Request(String method, String path, String query, Map<String, String> headers) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    /**
     * An organization on the server (GitHub serves every org a token can see): its own members,
     * outside collaborators, repositories, issues and 2FA requirement, all read with the one token.
     * The server starts with one, {@link #primary}; {@link #addOrg} adds more.
     */
    public static final class Org {
        public volatile String login;
        public volatile Boolean twoFactorRequired = Boolean.TRUE;
        public final Map<String, Member> members = Collections.synchronizedMap(new LinkedHashMap<>());
        public final Map<String, Member> outsideCollaborators = Collections.synchronizedMap(new LinkedHashMap<>());
        public final Map<String, Repo> repos = Collections.synchronizedMap(new LinkedHashMap<>());
        public final List<Issue> issues = new CopyOnWriteArrayList<>();
        public final Map<String, List<String>> verifiedEmails = Collections.synchronizedMap(new LinkedHashMap<>());
        public final Map<String, String> names = Collections.synchronizedMap(new LinkedHashMap<>());

        Org(String login) {
            this.login = login;
        }

        public Member addMember(String login, boolean admin, boolean twoFactor) {
            Member m = new Member(login, admin, twoFactor);
            members.put(login, m);
            return m;
        }

        public void addOutsideCollaborator(String login, boolean twoFactor) {
            outsideCollaborators.put(login, new Member(login, false, twoFactor));
        }

        public void addRepo(Repo r) {
            repos.put(r.fullName(), r);
        }

        public void addIssue(Issue i) {
            issues.add(i);
        }
    }

    /** A canned answer served instead of the normal one, once, to the first matching request. */
    public record Fault(Predicate<String> pathAndQuery, int status, Map<String, String> headers, String body) {
    }

    static {
        // Headers and body go out in two writes; without TCP_NODELAY, delayed ACKs add ~40 ms to each request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String prefix;

    /** The organization most tests use ({@code acme}); the fields below are its own, for brevity. */
    public final Org primary = new Org("acme");
    public final Map<String, Member> members = primary.members;
    public final Map<String, Member> outsideCollaborators = primary.outsideCollaborators;
    public final Map<String, Repo> repos = primary.repos;
    public final List<Issue> issues = primary.issues;
    /** GraphQL {@code organizationVerifiedDomainEmails} and {@code name} per member login. */
    public final Map<String, List<String>> verifiedEmails = primary.verifiedEmails;
    public final Map<String, String> names = primary.names;
    /** Organizations besides {@link #primary}, by lower-case login. */
    public final Map<String, Org> otherOrgs = Collections.synchronizedMap(new LinkedHashMap<>());

    // The token's identity and rights.
    public volatile String validToken = "ghp_testTokenValue0123456789abcdefABCDEF";
    public volatile String tokenUser = "founder";
    /** Whether the token's user is an org owner (2FA filter, two_factor_requirement_enabled). */
    public volatile boolean owner = true;
    /** Classic-token scopes; a fine-grained token sends no X-OAuth-Scopes. */
    public final Set<String> tokenScopes = Collections.synchronizedSet(new LinkedHashSet<>(
            List.of("read:org", "repo", "security_events")));
    public volatile boolean fineGrained = false;
    /** GitHub's maximum is 100; tests lower it to force many pages. */
    public volatile int maxPerPage = 100;

    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private GitHubApiServer(String prefix) throws IOException {
        this.prefix = prefix;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try {
                handle(ex);
            } catch (RuntimeException e) {
                send(ex, 500, Map.of(), error("Server Error: " + e, null));
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    /** Starts a server at {@code http://127.0.0.1:PORT}. */
    public static GitHubApiServer start() throws IOException {
        return new GitHubApiServer("");
    }

    /** Starts a server under a path prefix, e.g. {@code /api/v3} as GitHub Enterprise Server does. */
    public static GitHubApiServer start(String prefix) throws IOException {
        return new GitHubApiServer(prefix);
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void fault(Fault f) {
        faults.add(f);
    }

    /** The next request whose path and query contain {@code fragment} gets a secondary rate limit with Retry-After. */
    public void secondaryRateLimitOnce(String fragment, int retryAfterSeconds) {
        fault(new Fault(p -> p.contains(fragment), 403, Map.of("Retry-After", String.valueOf(retryAfterSeconds),
                "X-RateLimit-Remaining", "4990"),
                error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you"
                        + " reach out to GitHub Support for help, please include the request ID ABCD:1234.",
                        "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")));
    }

    /** The next matching request gets the primary limit: 403, remaining 0, reset at {@code reset}. */
    public void primaryRateLimitOnce(String fragment, Instant reset) {
        fault(new Fault(p -> p.contains(fragment), 403, Map.of("X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Used", "5000", "X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()),
                "X-RateLimit-Resource", "core"),
                error("API rate limit exceeded for user ID 1.", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api")));
    }

    public Member addMember(String login, boolean admin, boolean twoFactor) {
        return primary.addMember(login, admin, twoFactor);
    }

    public void addOutsideCollaborator(String login, boolean twoFactor) {
        primary.addOutsideCollaborator(login, twoFactor);
    }

    public void addRepo(Repo r) {
        primary.addRepo(r);
    }

    public void addIssue(Issue i) {
        primary.addIssue(i);
    }

    /** Adds a further organization the token can read; fill it through the returned {@link Org}. */
    public Org addOrg(String login) {
        Org o = new Org(login);
        otherOrgs.put(login.toLowerCase(java.util.Locale.ROOT), o);
        return o;
    }

    /** The organization with this login (case-insensitive, as GitHub), or null. */
    private Org orgView(String login) {
        if (login.equalsIgnoreCase(primary.login)) {
            return primary;
        }
        return otherOrgs.get(login.toLowerCase(java.util.Locale.ROOT));
    }

    private List<Org> allOrgs() {
        List<Org> out = new ArrayList<>();
        out.add(primary);
        out.addAll(List.copyOf(otherOrgs.values()));
        return out;
    }

    /** The repository with this full name in any organization, or null. */
    private Repo repo(String fullName) {
        for (Org o : allOrgs()) {
            Repo r = o.repos.get(fullName);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- routing ----

    private static final Pattern ORG = Pattern.compile("/orgs/([^/]+)");
    private static final Pattern ORG_SUB = Pattern.compile("/orgs/([^/]+)/(members|outside_collaborators|repos|issues)");
    private static final Pattern REPO_ALERTS = Pattern.compile("/repos/([^/]+)/([^/]+)/(dependabot|secret-scanning)/alerts");

    void handle(HttpExchange ex) throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> hdrs = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> hdrs.put(k, String.join(",", v)));
        requests.add(new Request(ex.getRequestMethod(), rawPath, query, hdrs));

        String graphqlPath = prefix.endsWith("/v3") ? prefix.substring(0, prefix.length() - 2) + "graphql" : prefix + "/graphql";
        if (rawPath.equals(graphqlPath) && "POST".equals(ex.getRequestMethod())) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + validToken) && !auth.equals("token " + validToken)) {
                send(ex, 401, Map.of(), error("This endpoint requires you to be authenticated.", "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql"));
                return;
            }
            graphql(ex);
            return;
        }
        if (!rawPath.startsWith(prefix + "/")) {
            send(ex, 404, Map.of(), error("Not Found", DOCS));
            return;
        }
        String path = rawPath.substring(prefix.length());
        String pq = path + (query == null ? "" : "?" + query);
        for (Fault f : faults) {
            if (f.pathAndQuery().test(pq) && faults.remove(f)) {
                send(ex, f.status(), f.headers(), f.body());
                return;
            }
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String presented = auth == null ? null : auth.replaceFirst("^(?i)(bearer|token)\\s+", "");
        if (presented == null || !presented.equals(validToken)) {
            send(ex, 401, Map.of(), error("Bad credentials", DOCS));
            return;
        }
        if (!"GET".equals(ex.getRequestMethod())) {
            send(ex, 404, Map.of(), error("Not Found", DOCS));
            return;
        }
        Map<String, String> q = parseQuery(query);
        Matcher m;
        if ((m = ORG.matcher(path)).matches()) {
            Org v = orgView(m.group(1));
            if (v == null) {
                send(ex, 404, Map.of(), error("Not Found", DOCS + "/orgs/orgs#get-an-organization"));
                return;
            }
            ObjectNode o = F.objectNode();
            o.put("login", v.login).put("id", 1000 + Math.abs(v.login.hashCode() % 1000)).put("node_id", "O_kgDOA")
                    .put("url", base(ex) + "/orgs/" + v.login)
                    .put("repos_url", base(ex) + "/orgs/" + v.login + "/repos").put("description", "Acme").put("type", "Organization")
                    .put("public_repos", v.repos.size()).put("html_url", "https://github.com/" + v.login);
            if (owner && hasAny("read:org", "admin:org") && v.twoFactorRequired != null) {
                o.put("two_factor_requirement_enabled", v.twoFactorRequired.booleanValue());
                o.put("members_can_create_repositories", true);
            }
            json(ex, 200, o, "admin:org, read:org, repo, user, write:org");
        } else if ((m = ORG_SUB.matcher(path)).matches()) {
            Org v = orgView(m.group(1));
            if (v == null) {
                send(ex, 404, Map.of(), error("Not Found", DOCS));
                return;
            }
            switch (m.group(2)) {
                case "members" -> members(ex, q, v);
                case "outside_collaborators" -> outside(ex, q, v);
                case "repos" -> pageList(ex, q, v.repos.values().stream().map(r -> repoJson(ex, r)).toList(), "");
                default -> orgIssues(ex, q, v);
            }
        } else if ((m = REPO_ALERTS.matcher(path)).matches()) {
            alerts(ex, q, m.group(1) + "/" + m.group(2), m.group(3));
        } else {
            send(ex, 404, Map.of(), error("Not Found", DOCS));
        }
    }

    /** Answers the membersWithRole query the collector sends; other queries get a GraphQL error. */
    private void graphql(HttpExchange ex) throws IOException {
        var req = JSON.readTree(ex.getRequestBody());
        String query = req.path("query").asText();
        var vars = req.path("variables");
        if (!query.contains("membersWithRole")) {
            send(ex, 200, scopeHeaders(""), "{\"errors\":[{\"message\":\"Unsupported query\"}]}");
            return;
        }
        if (!hasAny("read:org", "admin:org")) {
            ObjectNode err = F.objectNode();
            err.put("type", "INSUFFICIENT_SCOPES");
            err.put("message", "Your token has not been granted the required scopes to execute this query. The"
                    + " 'organizationVerifiedDomainEmails' field requires one of the following scopes: ['read:org'], but"
                    + " your token has only been granted the: " + tokenScopes.stream().map(s -> "'" + s + "'").toList()
                    + " scopes. Please modify your token's scopes at: https://github.com/settings/tokens.");
            ObjectNode body = F.objectNode();
            body.putArray("errors").add(err);
            send(ex, 200, scopeHeaders(""), body.toString());
            return;
        }
        Org v = orgView(vars.path("org").asText());
        if (v == null) {
            send(ex, 200, scopeHeaders(""), "{\"data\":{\"organization\":null},\"errors\":[{\"type\":\"NOT_FOUND\","
                    + "\"path\":[\"organization\"],\"message\":\"Could not resolve to an Organization with the login of '"
                    + vars.path("org").asText() + "'.\"}]}");
            return;
        }
        List<Member> all = List.copyOf(v.members.values());
        int start = vars.hasNonNull("after") ? Integer.parseInt(new String(Base64.getDecoder().decode(
                vars.get("after").asText()), StandardCharsets.UTF_8).substring("cursor:".length())) : 0;
        int end = Math.min(all.size(), start + Math.min(100, maxPerPage));
        ObjectNode body = F.objectNode();
        ObjectNode conn = body.putObject("data").putObject("organization").putObject("membersWithRole");
        ObjectNode info = conn.putObject("pageInfo");
        info.put("hasNextPage", end < all.size());
        info.put("endCursor", Base64.getEncoder().encodeToString(("cursor:" + end).getBytes(StandardCharsets.UTF_8)));
        ArrayNode nodes = conn.putArray("nodes");
        for (Member m : all.subList(start, end)) {
            ObjectNode n = nodes.addObject();
            n.put("login", m.login());
            if (v.names.containsKey(m.login())) {
                n.put("name", v.names.get(m.login()));
            } else {
                n.putNull("name");
            }
            ArrayNode emails = n.putArray("organizationVerifiedDomainEmails");
            v.verifiedEmails.getOrDefault(m.login(), List.of()).forEach(emails::add);
        }
        send(ex, 200, scopeHeaders(""), body.toString());
    }

    private void members(HttpExchange ex, Map<String, String> q, Org v) throws IOException {
        String filter = q.getOrDefault("filter", "all");
        String role = q.getOrDefault("role", "all");
        if ("2fa_disabled".equals(filter) && !owner) {
            send(ex, 422, scopeHeaders(""), error("Only owners can use this filter.",
                    DOCS + "/orgs/members#list-organization-members"));
            return;
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Member mem : List.copyOf(v.members.values())) {
            if ("admin".equals(role) && !mem.admin() || "member".equals(role) && mem.admin()) {
                continue;
            }
            if ("2fa_disabled".equals(filter) && mem.twoFactor()) {
                continue;
            }
            out.add(userJson(ex, mem.login()));
        }
        pageList(ex, q, out, "");
    }

    private void outside(HttpExchange ex, Map<String, String> q, Org v) throws IOException {
        if (!hasAny("read:org", "admin:org")) {
            forbidden(ex, "admin:org, read:org, write:org", DOCS + "/orgs/outside-collaborators#list-outside-collaborators-for-an-organization");
            return;
        }
        String filter = q.getOrDefault("filter", "all");
        if ("2fa_disabled".equals(filter) && !owner) {
            send(ex, 422, scopeHeaders(""), error("Only owners can use this filter.",
                    DOCS + "/orgs/outside-collaborators#list-outside-collaborators-for-an-organization"));
            return;
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Member mem : List.copyOf(v.outsideCollaborators.values())) {
            if (!("2fa_disabled".equals(filter) && mem.twoFactor())) {
                out.add(userJson(ex, mem.login()));
            }
        }
        pageList(ex, q, out, "");
    }

    private void orgIssues(HttpExchange ex, Map<String, String> q, Org v) throws IOException {
        if (!hasAny("repo")) {
            forbidden(ex, "repo", DOCS + "/issues/issues#list-organization-issues-assigned-to-the-authenticated-user");
            return;
        }
        String filter = q.getOrDefault("filter", "assigned");
        String state = q.getOrDefault("state", "open");
        List<String> wanted = q.containsKey("labels") ? Arrays.asList(q.get("labels").split(",")) : List.of();
        List<ObjectNode> out = new ArrayList<>();
        for (Issue i : v.issues) {
            if (!"open".equals(state) && !"all".equals(state)) {
                continue;
            }
            if ("assigned".equals(filter) && !tokenUser.equals(i.assignee())) {
                continue;
            }
            if (!i.labels().containsAll(wanted)) {
                continue;
            }
            out.add(issueJson(ex, i));
        }
        pageList(ex, q, out, "");
    }

    private void alerts(HttpExchange ex, Map<String, String> q, String fullName, String kind) throws IOException {
        Repo r = repo(fullName);
        if (r == null) {
            send(ex, 404, scopeHeaders(""), error("Not Found", DOCS));
            return;
        }
        boolean dependabot = kind.equals("dependabot");
        if (!hasAny("repo", "security_events")) {
            // A classic token without the scope; GitHub names the accepted scopes in a header.
            forbidden(ex, dependabot ? "repo, security_events" : "repo, security_events",
                    dependabot ? DOCS + "/dependabot/alerts#list-dependabot-alerts-for-a-repository"
                            : DOCS + "/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository");
            return;
        }
        if (dependabot && !r.dependabotEnabled()) {
            send(ex, 403, scopeHeaders("repo, security_events"), error("Dependabot alerts are disabled for this repository.",
                    DOCS + "/dependabot/alerts#list-dependabot-alerts-for-a-repository"));
            return;
        }
        if (!dependabot && !r.secretScanningEnabled()) {
            send(ex, 404, scopeHeaders("repo, security_events"), error("Secret scanning is disabled on this repository.",
                    DOCS + "/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository"));
            return;
        }
        List<ObjectNode> out = new ArrayList<>();
        if (dependabot) {
            int n = 1;
            for (String sev : r.dependabotSeverities()) {
                out.add(dependabotJson(ex, r, n++, sev));
            }
            cursorList(ex, q, out);
        } else {
            int n = 1;
            for (String secret : r.secrets()) {
                // Sent whatever hide_secret says, as older GitHub Enterprise Server versions do: the client must drop it.
                out.add(secretJson(ex, r, n++, secret));
            }
            pageList(ex, q, out, "repo, security_events");
        }
    }

    // ---- pagination ----

    private int perPage(Map<String, String> q) {
        int requested = q.containsKey("per_page") ? Integer.parseInt(q.get("per_page")) : 30;
        return Math.max(1, Math.min(requested, maxPerPage));
    }

    private void pageList(HttpExchange ex, Map<String, String> q, List<ObjectNode> all, String accepted) throws IOException {
        int per = perPage(q);
        int page = q.containsKey("page") ? Integer.parseInt(q.get("page")) : 1;
        int last = Math.max(1, (all.size() + per - 1) / per);
        ArrayNode arr = F.arrayNode();
        all.stream().skip((long) (page - 1) * per).limit(per).forEach(arr::add);
        Map<String, String> headers = new LinkedHashMap<>(scopeHeaders(accepted));
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add("<" + selfWith(ex, "page", String.valueOf(page - 1)) + ">; rel=\"prev\"");
        }
        if (page < last) {
            links.add("<" + selfWith(ex, "page", String.valueOf(page + 1)) + ">; rel=\"next\"");
            links.add("<" + selfWith(ex, "page", String.valueOf(last)) + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + selfWith(ex, "page", "1") + ">; rel=\"first\"");
        }
        if (!links.isEmpty()) {
            headers.put("Link", String.join(", ", links));
        }
        send(ex, 200, headers, JSON.writeValueAsString(arr));
    }

    /** Cursor pagination as the alert endpoints do it: an opaque {@code after} cursor, no {@code last}. */
    private void cursorList(HttpExchange ex, Map<String, String> q, List<ObjectNode> all) throws IOException {
        int per = perPage(q);
        int start = 0;
        if (q.containsKey("after")) {
            String decoded = new String(Base64.getUrlDecoder().decode(q.get("after")), StandardCharsets.UTF_8);
            start = Integer.parseInt(decoded.substring("cursor:v2:".length()));
        }
        ArrayNode arr = F.arrayNode();
        all.stream().skip(start).limit(per).forEach(arr::add);
        Map<String, String> headers = new LinkedHashMap<>(scopeHeaders("repo, security_events"));
        if (start + per < all.size()) {
            String cursor = Base64.getUrlEncoder().encodeToString(("cursor:v2:" + (start + per)).getBytes(StandardCharsets.UTF_8));
            headers.put("Link", "<" + selfWith(ex, "after", cursor) + ">; rel=\"next\"");
        }
        send(ex, 200, headers, JSON.writeValueAsString(arr));
    }

    private String selfWith(HttpExchange ex, String key, String value) {
        Map<String, String> q = new LinkedHashMap<>(parseQuery(ex.getRequestURI().getRawQuery()));
        q.put(key, value);
        StringBuilder sb = new StringBuilder(origin(ex)).append(ex.getRequestURI().getRawPath()).append('?');
        q.forEach((k, v) -> sb.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    // ---- JSON shapes ----

    private ObjectNode userJson(HttpExchange ex, String login) {
        ObjectNode u = F.objectNode();
        u.put("login", login).put("id", Math.abs(login.hashCode())).put("node_id", "U_" + login)
                .put("avatar_url", "https://avatars.githubusercontent.com/u/1?v=4").put("gravatar_id", "")
                .put("url", base(ex) + "/users/" + login).put("html_url", "https://github.com/" + login)
                .put("type", "User").put("site_admin", false);
        return u;
    }

    private ObjectNode repoJson(HttpExchange ex, Repo r) {
        ObjectNode o = F.objectNode();
        String name = r.fullName().substring(r.fullName().indexOf('/') + 1);
        o.put("id", Math.abs(r.fullName().hashCode())).put("node_id", "R_" + name).put("name", name)
                .put("full_name", r.fullName()).put("private", r.privateRepo())
                .put("html_url", "https://github.com/" + r.fullName()).put("url", base(ex) + "/repos/" + r.fullName())
                .put("archived", r.archived()).put("disabled", false).put("visibility", r.privateRepo() ? "private" : "public")
                .put("default_branch", "main");
        o.set("owner", userJson(ex, r.fullName().substring(0, r.fullName().indexOf('/'))));
        return o;
    }

    private ObjectNode issueJson(HttpExchange ex, Issue i) {
        ObjectNode o = F.objectNode();
        String api = base(ex) + "/repos/" + i.repo();
        o.put("url", api + "/issues/" + i.number()).put("repository_url", api)
                .put("html_url", "https://github.com/" + i.repo() + (i.pullRequest() ? "/pull/" : "/issues/") + i.number())
                .put("id", 5000 + i.number()).put("number", i.number()).put("title", i.title()).put("state", "open")
                .put("locked", false).put("comments", 0)
                .put("created_at", i.createdAt().toString()).put("updated_at", i.createdAt().toString())
                .putNull("closed_at").put("author_association", "MEMBER").put("body", "details");
        o.set("user", userJson(ex, i.author()));
        ArrayNode labels = o.putArray("labels");
        for (String l : i.labels()) {
            labels.addObject().put("id", Math.abs(l.hashCode())).put("name", l).put("color", "d73a4a").put("default", false);
        }
        ArrayNode assignees = o.putArray("assignees");
        if (i.assignee() != null) {
            o.set("assignee", userJson(ex, i.assignee()));
            assignees.add(userJson(ex, i.assignee()));
        } else {
            o.putNull("assignee");
        }
        if (i.pullRequest()) {
            o.putObject("pull_request").put("url", api + "/pulls/" + i.number())
                    .put("html_url", "https://github.com/" + i.repo() + "/pull/" + i.number());
        }
        Repo known = repo(i.repo());
        ObjectNode repo = repoJson(ex, known != null ? known : new Repo(i.repo(), true, false, true, true, List.of(), List.of()));
        o.set("repository", repo);
        return o;
    }

    private ObjectNode dependabotJson(HttpExchange ex, Repo r, int n, String severity) {
        ObjectNode o = F.objectNode();
        o.put("number", n).put("state", "open").put("url", base(ex) + "/repos/" + r.fullName() + "/dependabot/alerts/" + n)
                .put("html_url", "https://github.com/" + r.fullName() + "/security/dependabot/" + n)
                .put("created_at", "2026-10-01T00:00:00Z");
        o.putObject("dependency").put("scope", "runtime").putObject("package").put("ecosystem", "maven").put("name", "lib" + n);
        o.putObject("security_advisory").put("ghsa_id", "GHSA-xxxx-" + n).put("severity", severity).put("summary", "vuln " + n);
        o.putObject("security_vulnerability").put("severity", severity).put("vulnerable_version_range", "< 1.0");
        return o;
    }

    private ObjectNode secretJson(HttpExchange ex, Repo r, int n, String secret) {
        ObjectNode o = F.objectNode();
        o.put("number", n).put("state", "open").put("created_at", "2026-10-01T00:00:00Z")
                .put("url", base(ex) + "/repos/" + r.fullName() + "/secret-scanning/alerts/" + n)
                .put("html_url", "https://github.com/" + r.fullName() + "/security/secret-scanning/" + n)
                .put("secret_type", "github_personal_access_token").put("secret_type_display_name", "GitHub Personal Access Token")
                .put("secret", secret).put("validity", "active").put("publicly_leaked", false);
        return o;
    }

    // ---- helpers ----

    private boolean hasAny(String... scopes) {
        for (String s : scopes) {
            if (tokenScopes.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> scopeHeaders(String accepted) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-RateLimit-Limit", "5000");
        h.put("X-RateLimit-Remaining", "4999");
        h.put("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
        h.put("X-GitHub-Media-Type", "github.v3; format=json");
        if (!fineGrained) {
            h.put("X-OAuth-Scopes", String.join(", ", tokenScopes));
            h.put("X-Accepted-OAuth-Scopes", accepted);
        }
        return h;
    }

    private void forbidden(HttpExchange ex, String accepted, String docs) throws IOException {
        send(ex, 403, scopeHeaders(accepted), error("Resource not accessible by personal access token", docs));
    }

    private void json(HttpExchange ex, int status, Object body, String accepted) throws IOException {
        send(ex, status, scopeHeaders(accepted), JSON.writeValueAsString(body));
    }

    static String error(String message, String docs) {
        ObjectNode o = F.objectNode();
        o.put("message", message);
        if (docs != null) {
            o.put("documentation_url", docs);
        }
        return o.toString();
    }

    private static void send(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    private String origin(HttpExchange ex) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String base(HttpExchange ex) {
        return origin(ex) + prefix;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }
}
