package dev.palisade.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Fact;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.SecurityIssue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configured GitHub organizations, all with the one token and as the one source
 * {@code github}; for each: whether it requires 2FA, its members (with roles, names and verified org
 * emails) and outside collaborators and which of them have 2FA disabled, its repositories with open
 * Dependabot and secret-scanning alert counts, and its open issues carrying a security label.
 *
 * <p>Whatever cannot be read becomes an unknown {@link Fact} whose message names the missing
 * scope or permission, and the source is PARTIAL; a rejected token (401), a missing token or an
 * unreachable organization make the source ERROR. With several organizations the source is OK only
 * when every one was read in full, ERROR only when none could be read, else PARTIAL; its message
 * then names each organization with what failed there. Secret-scanning alerts are requested with
 * {@code hide_secret=true} and only counted: a secret's value is never kept.
 *
 * <p>Token rights for a complete scan: a classic token of an org owner with {@code read:org},
 * {@code repo} and {@code security_events}; or a fine-grained token with the organization
 * permissions Members and Administration (read) and the repository permissions Metadata, Issues,
 * Dependabot alerts and Secret scanning alerts (read). Only org owners see 2FA data.
 */
public final class GitHubCollector implements Collector {
    public static final String KIND = "github";
    public static final String SOURCE = "github";
    private static final Logger LOG = LoggerFactory.getLogger(GitHubCollector.class);
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

    private final GitHubConfig config;
    private final GitHubToken token;
    private final String tokenHint;
    private final GitHubClient.Options options;
    private final GitHubClient.Sleeper sleeper;
    private final Clock clock;

    /**
     * @param token     null when none was found; the scan then reports the source ERROR with {@code tokenHint}
     * @param tokenHint where the token is looked for, e.g. "the environment variable PALISADE_GITHUB_TOKEN"
     */
    public GitHubCollector(GitHubConfig config, GitHubToken token, String tokenHint, GitHubClient.Options options,
                           GitHubClient.Sleeper sleeper, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.organizations().isEmpty() || config.organizations().stream().anyMatch(o -> o == null || o.isBlank())) {
            throw new IllegalArgumentException("github.organization (or github.organizations) is required");
        }
        this.token = token;
        this.tokenHint = tokenHint;
        this.options = options;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The collector for {@code cfg.github()}, token from the environment variable {@code github.tokenEnv}. */
    public static GitHubCollector fromConfig(PalisadeConfig cfg) {
        return fromConfig(cfg, System::getenv, Optional::empty);
    }

    /**
     * The collector for {@code cfg.github()}: the token comes from the environment variable named by
     * {@code github.tokenEnv} when set, else from {@code keychain} (a token the app stored in the OS keychain).
     */
    public static GitHubCollector fromConfig(PalisadeConfig cfg, Function<String, String> environment,
                                             Supplier<Optional<String>> keychain) {
        GitHubConfig gh = Objects.requireNonNull(cfg.github(), "configuration has no github: section");
        String fromEnv = environment.apply(gh.tokenEnv());
        GitHubToken token = null;
        String hint = "the environment variable " + gh.tokenEnv() + " or the token stored from the app";
        String source = "the environment variable " + gh.tokenEnv();
        try {
            if (fromEnv != null && !fromEnv.isBlank()) {
                token = GitHubToken.of(fromEnv);
            } else {
                source = "the token stored from the app";
                Optional<String> stored = keychain.get();
                if (stored.isPresent() && !stored.get().isBlank()) {
                    token = GitHubToken.of(stored.get());
                }
            }
        } catch (IllegalArgumentException e) {
            hint = "a valid token in " + source + " (" + e.getMessage() + ")";
        }
        return new GitHubCollector(gh, token, hint, GitHubClient.Options.defaults(), GitHubClient.Sleeper.REAL,
                Clock.systemUTC());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CollectorResult collect(ScanProgress progress) throws InterruptedException {
        long started = System.nanoTime();
        List<String> orgs = config.organizations();
        if (token == null) {
            String msg = "No GitHub token: set " + tokenHint + " (a token with read:org, repo and security_events).";
            return failed(orgs, msg, 0, started, progress);
        }
        GitHubClient client;
        try {
            client = new GitHubClient(URI.create(config.apiUrl()), token, options, sleeper, clock);
        } catch (IllegalArgumentException e) {
            return failed(orgs, "github.apiUrl '" + config.apiUrl() + "' is not an http(s) URL such as https://api.github.com"
                    + " or https://HOST/api/v3.", 0, started, progress);
        }
        List<GitHubOrg> read = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, List<String>> gaps = new LinkedHashMap<>();
        String rejected = null;
        for (int i = 0; i < orgs.size(); i++) {
            String org = orgs.get(i);
            int at = i;
            Progress p = (f, text) -> progress.update(SOURCE, (at + f) / orgs.size(), text);
            if (rejected != null) { // the token was refused: every further org would be refused the same way
                read.add(unknownOrg(org, rejected));
                unreadable.add(org);
                continue;
            }
            OrgRead r = collectOrg(client, org, p);
            read.add(r.org());
            if (r.fatal() != null) {
                unreadable.add(org);
                gaps.put(org, List.of(r.fatal()));
                if (r.badCredentials()) {
                    rejected = r.fatal();
                }
            } else if (!r.problems().isEmpty()) {
                gaps.put(org, r.problems());
            }
        }
        SourceState state = unreadable.size() == orgs.size() ? SourceState.ERROR
                : gaps.isEmpty() ? SourceState.OK : SourceState.PARTIAL;
        String error = gaps.isEmpty() ? null : describeGaps(orgs, unreadable, gaps);
        SourceStatus status = new SourceStatus(SOURCE, state, error, client.apiCalls(), elapsedMs(started));
        progress.update(SOURCE, 1.0, state == SourceState.OK ? "Done" : state == SourceState.ERROR ? "Failed" : "Done with gaps");
        progress.finished(status);
        if (state == SourceState.OK) {
            LOG.info("GitHub {}: {} ({} API calls)", String.join(", ", orgs), state, client.apiCalls());
        } else {
            LOG.warn("GitHub {}: {} ({} API calls): {}", String.join(", ", orgs), state, client.apiCalls(), error);
        }
        return new CollectorResult(new Inventory(List.of(), null, null, read, null), List.of(status));
    }

    /** The source's error text: for one org its problems as before; for several, each org's problems after its name. */
    private static String describeGaps(List<String> orgs, List<String> unreadable, Map<String, List<String>> gaps) {
        if (orgs.size() == 1) {
            return String.join(" ", new LinkedHashSet<>(gaps.get(orgs.get(0))));
        }
        StringBuilder b = new StringBuilder();
        if (!unreadable.isEmpty()) {
            b.append(unreadable.size() == orgs.size() ? "No" : (orgs.size() - unreadable.size()) + " of " + orgs.size())
                    .append(" GitHub organizations could be read (").append(String.join(", ", unreadable)).append(" failed).");
        }
        for (Map.Entry<String, List<String>> e : gaps.entrySet()) {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append(": ")
                    .append(String.join(" ", new LinkedHashSet<>(e.getValue())));
        }
        return b.toString();
    }

    /** Where a part of the scan has got to, 0..1 within one organization. */
    @FunctionalInterface
    private interface Progress {
        void update(double fraction, String text);
    }

    /**
     * One organization as read.
     *
     * @param fatal          why the organization could not be read at all (its facts are all unknown), else null
     * @param badCredentials whether GitHub refused the token itself (401)
     * @param problems       what could not be read of an organization that could be read
     */
    private record OrgRead(GitHubOrg org, String fatal, boolean badCredentials, List<String> problems) {
    }

    private OrgRead collectOrg(GitHubClient client, String org, Progress progress) throws InterruptedException {
        String o = enc(org);
        progress.update(0.0, "Reading organization " + org);
        JsonNode orgJson;
        try {
            orgJson = client.get("/orgs/" + o);
        } catch (GitHubApiException e) {
            String msg = switch (e.kind()) {
                case BAD_CREDENTIALS -> "GitHub rejected the token (401 " + orDefault(e.githubMessage(), "Bad credentials")
                        + "): create a new token and set it in " + tokenHint + ".";
                case NOT_FOUND -> "GitHub organization " + org + " was not found at " + client.baseUrl()
                        + ", or the token cannot see it (it needs read:org and membership in " + org + ").";
                default -> e.getMessage();
            };
            return new OrgRead(unknownOrg(org, msg), msg, e.kind() == GitHubApiException.Kind.BAD_CREDENTIALS, List.of());
        }

        List<String> problems = new ArrayList<>();
        Fact<Boolean> twoFactorRequired = orgJson.hasNonNull("two_factor_requirement_enabled")
                ? Fact.known(orgJson.get("two_factor_requirement_enabled").asBoolean())
                : Fact.unknown("GitHub hides whether " + org + " requires 2FA from this token: use a token of an org owner"
                        + " with read:org (classic) or the 'Administration' organization permission (fine-grained).");
        note(problems, twoFactorRequired);

        progress.update(0.1, "Reading members of " + org);
        Fact<List<GitHubMember>> orgMembers = members(client, org, problems);
        note(problems, orgMembers);
        Fact<List<GitHubMember>> outside = outsideCollaborators(client, org, problems);
        note(problems, outside);
        Fact<List<GitHubMember>> members = orgMembers;
        if (orgMembers.isKnown() && outside.isKnown()) {
            List<GitHubMember> all = new ArrayList<>(orgMembers.value());
            all.addAll(outside.value());
            members = Fact.known(List.copyOf(all));
        }

        progress.update(0.3, "Reading security issues of " + org);
        Fact<List<SecurityIssue>> issues = issues(client, org);
        note(problems, issues);

        progress.update(0.4, "Reading repositories of " + org);
        Fact<List<GitHubRepo>> repos = repositories(client, org, progress, problems);
        note(problems, repos);

        return new OrgRead(new GitHubOrg(org, twoFactorRequired, members, repos, issues, outside), null, false,
                List.copyOf(problems));
    }

    private static GitHubOrg unknownOrg(String org, String msg) {
        return new GitHubOrg(org, Fact.unknown(msg), Fact.unknown(msg), Fact.unknown(msg), Fact.unknown(msg), Fact.unknown(msg));
    }

    private CollectorResult failed(List<String> orgs, String msg, int calls, long started, ScanProgress progress) {
        List<GitHubOrg> result = orgs.stream().map(org -> unknownOrg(org, msg)).toList();
        SourceStatus status = new SourceStatus(SOURCE, SourceState.ERROR, msg, calls, elapsedMs(started));
        progress.update(SOURCE, 1.0, "Failed");
        progress.finished(status);
        LOG.warn("GitHub {}: {}", String.join(", ", orgs), msg);
        return new CollectorResult(new Inventory(List.of(), null, null, result, null), List.of(status));
    }

    private Fact<List<GitHubMember>> members(GitHubClient client, String org, List<String> problems) throws InterruptedException {
        String o = enc(org);
        List<JsonNode> all;
        Set<String> admins;
        try {
            all = client.getAll("/orgs/" + o + "/members?role=all&per_page=100");
            admins = logins(client.getAll("/orgs/" + o + "/members?role=admin&per_page=100"));
        } catch (GitHubApiException e) {
            return Fact.unknown("Members of " + org + " could not be listed: " + reason(e, "read:org", "'Members' organization permission (read)"));
        }
        Fact<Set<String>> without2fa = twoFactorDisabled(client, "/orgs/" + o + "/members?filter=2fa_disabled&role=all&per_page=100",
                "members of " + org);
        note(problems, without2fa);
        Fact<Map<String, Profile>> profiles = profiles(client, org);
        note(problems, profiles);
        Map<String, Profile> byLogin = profiles.orElse(Map.of());
        List<GitHubMember> out = new ArrayList<>();
        for (JsonNode m : all) {
            String login = m.path("login").asText();
            Profile p = byLogin.getOrDefault(login, new Profile(textOrNull(m, "name"), List.of()));
            out.add(new GitHubMember(login, p.name(), admins.contains(login) ? "admin" : "member",
                    without2fa.map(s -> !s.contains(login)), p.verifiedEmails()));
        }
        return Fact.known(List.copyOf(out));
    }

    private record Profile(String name, List<String> verifiedEmails) {
    }

    static final String MEMBERS_QUERY = """
            query($org: String!, $after: String) {
              organization(login: $org) {
                membersWithRole(first: 100, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  nodes { login name organizationVerifiedDomainEmails(login: $org) }
                }
              }
            }""";

    /**
     * Members' names and their emails in the org's verified domains, which the people model links by.
     * Only GraphQL has them; when they cannot be read, members link through {@code people:} alone.
     */
    private Fact<Map<String, Profile>> profiles(GitHubClient client, String org) throws InterruptedException {
        Map<String, Profile> out = new LinkedHashMap<>();
        String after = null;
        try {
            for (int page = 0; page < 1000; page++) {
                Map<String, Object> vars = new LinkedHashMap<>();
                vars.put("org", org);
                vars.put("after", after);
                JsonNode conn = client.graphql(MEMBERS_QUERY, vars).path("organization").path("membersWithRole");
                for (JsonNode n : conn.path("nodes")) {
                    List<String> emails = new ArrayList<>();
                    n.path("organizationVerifiedDomainEmails").forEach(e -> emails.add(e.asText().toLowerCase(Locale.ROOT)));
                    out.put(n.path("login").asText(), new Profile(textOrNull(n, "name"), List.copyOf(emails)));
                }
                JsonNode info = conn.path("pageInfo");
                if (!info.path("hasNextPage").asBoolean(false)) {
                    return Fact.known(out);
                }
                after = info.path("endCursor").asText();
            }
            return Fact.unknown("Verified emails of members of " + org + " could not be read: GraphQL pagination did not end.");
        } catch (GitHubApiException e) {
            return Fact.unknown("Verified emails of members of " + org + " could not be read, so GitHub accounts link to"
                    + " people only through people: in palisade.yaml: "
                    + reason(e, "read:org", "'Members' organization permission (read)"));
        }
    }

    private Fact<List<GitHubMember>> outsideCollaborators(GitHubClient client, String org, List<String> problems) throws InterruptedException {
        String o = enc(org);
        List<JsonNode> all;
        try {
            all = client.getAll("/orgs/" + o + "/outside_collaborators?per_page=100");
        } catch (GitHubApiException e) {
            return Fact.unknown("Outside collaborators of " + org + " could not be listed: "
                    + reason(e, "read:org", "'Members' organization permission (read)"));
        }
        Fact<Set<String>> without2fa = twoFactorDisabled(client,
                "/orgs/" + o + "/outside_collaborators?filter=2fa_disabled&per_page=100", "outside collaborators of " + org);
        note(problems, without2fa);
        List<GitHubMember> out = new ArrayList<>();
        for (JsonNode m : all) {
            String login = m.path("login").asText();
            out.add(new GitHubMember(login, textOrNull(m, "name"), "outside_collaborator",
                    without2fa.map(s -> !s.contains(login)), List.of()));
        }
        return Fact.known(List.copyOf(out));
    }

    /** Logins with 2FA disabled; GitHub lets only org owners use this filter. */
    private Fact<Set<String>> twoFactorDisabled(GitHubClient client, String path, String what) throws InterruptedException {
        try {
            return Fact.known(logins(client.getAll(path)));
        } catch (GitHubApiException e) {
            if (e.kind() == GitHubApiException.Kind.REJECTED || e.githubMessage().toLowerCase(Locale.ROOT).contains("owner")) {
                return Fact.unknown("2FA status of " + what + " could not be read: GitHub lets only org owners use the"
                        + " 2fa_disabled filter (" + e.status() + " " + e.githubMessage().replaceAll("[.\\s]+$", "")
                        + "); scan with a token of an org owner that has read:org.");
            }
            return Fact.unknown("2FA status of " + what + " could not be read: "
                    + reason(e, "read:org", "'Members' organization permission (read)"));
        }
    }

    private Fact<List<SecurityIssue>> issues(GitHubClient client, String org) throws InterruptedException {
        // One query per label: GitHub's labels= parameter means "all of these", not "any of these".
        Map<String, SecurityIssue> byUrl = new LinkedHashMap<>();
        for (String label : config.securityLabels()) {
            List<JsonNode> items;
            try {
                // filter=all: the default (assigned) would show only issues assigned to the token's owner.
                items = client.getAll("/orgs/" + enc(org) + "/issues?filter=all&state=open&labels=" + enc(label)
                        + "&sort=created&direction=asc&per_page=100");
            } catch (GitHubApiException e) {
                return Fact.unknown("Security issues of " + org + " could not be listed: "
                        + reason(e, "repo", "'Issues' repository permission (read) on the org's repositories"));
            }
            for (JsonNode i : items) {
                if (i.has("pull_request")) {
                    continue;
                }
                SecurityIssue issue = issue(i);
                byUrl.putIfAbsent(issue.url(), issue);
            }
        }
        return Fact.known(List.copyOf(byUrl.values()));
    }

    static SecurityIssue issue(JsonNode i) {
        List<String> labels = new ArrayList<>();
        for (JsonNode l : i.path("labels")) {
            String name = l.isTextual() ? l.asText() : l.path("name").asText(null);
            if (name != null) {
                labels.add(name);
            }
        }
        String repo = i.path("repository").path("full_name").asText(null);
        if (repo == null) {
            String ru = i.path("repository_url").asText("");
            int at = ru.indexOf("/repos/");
            repo = at >= 0 ? ru.substring(at + "/repos/".length()) : null;
        }
        Instant created = null;
        try {
            created = i.hasNonNull("created_at") ? Instant.parse(i.get("created_at").asText()) : null;
        } catch (DateTimeParseException e) {
            created = null;
        }
        String assignee = i.path("assignee").path("login").asText(null);
        if (assignee == null && i.path("assignees").size() > 0) {
            assignee = i.path("assignees").get(0).path("login").asText(null);
        }
        return new SecurityIssue(i.path("html_url").asText(), repo, i.path("number").asInt(), i.path("title").asText(""),
                List.copyOf(labels), severityFromLabels(labels), created, assignee, i.path("user").path("login").asText(null));
    }

    /**
     * The most severe of {@code critical|high|medium|low} named by a label, bare or prefixed
     * ({@code severity:high}, {@code severity: high}, {@code severity/high}, {@code sev-high}); null when none.
     */
    public static String severityFromLabels(List<String> labels) {
        int best = Integer.MAX_VALUE;
        for (String raw : labels) {
            String l = raw.toLowerCase(Locale.ROOT).strip();
            for (String prefix : List.of("severity", "sev")) {
                if (l.startsWith(prefix) && l.length() > prefix.length()
                        && ":/- _".indexOf(l.charAt(prefix.length())) >= 0) {
                    l = l.substring(prefix.length() + 1).strip();
                    break;
                }
            }
            int idx = SEVERITIES.indexOf(l);
            if (idx >= 0 && idx < best) {
                best = idx;
            }
        }
        return best == Integer.MAX_VALUE ? null : SEVERITIES.get(best);
    }

    private Fact<List<GitHubRepo>> repositories(GitHubClient client, String org, Progress progress, List<String> problems)
            throws InterruptedException {
        List<JsonNode> all;
        try {
            all = client.getAll("/orgs/" + enc(org) + "/repos?type=all&per_page=100");
        } catch (GitHubApiException e) {
            return Fact.unknown("Repositories of " + org + " could not be listed: "
                    + reason(e, "repo", "'Metadata' repository permission (read)"));
        }
        List<GitHubRepo> out = new ArrayList<>();
        int dependabotGaps = 0;
        int secretGaps = 0;
        Set<String> dependabotReasons = new LinkedHashSet<>();
        Set<String> secretReasons = new LinkedHashSet<>();
        int n = 0;
        for (JsonNode r : all) {
            String full = r.path("full_name").asText();
            progress.update(0.4 + 0.6 * n++ / Math.max(1, all.size()), "Reading alerts of " + full);
            Fact<AlertCounts> dep = dependabot(client, full, dependabotReasons);
            Fact<AlertCounts> sec = secretScanning(client, full, secretReasons);
            if (!dep.isKnown()) {
                dependabotGaps++;
            }
            if (!sec.isKnown()) {
                secretGaps++;
            }
            out.add(new GitHubRepo(full, r.path("private").asBoolean(), r.path("archived").asBoolean(), dep, sec));
        }
        if (dependabotGaps > 0) {
            problems.add("Dependabot alerts unreadable for " + dependabotGaps + " of " + all.size() + " repositories: "
                    + String.join(" ", dependabotReasons));
        }
        if (secretGaps > 0) {
            problems.add("Secret-scanning alerts unreadable for " + secretGaps + " of " + all.size() + " repositories: "
                    + String.join(" ", secretReasons));
        }
        return Fact.known(List.copyOf(out));
    }

    private Fact<AlertCounts> dependabot(GitHubClient client, String fullName, Set<String> reasons) throws InterruptedException {
        try {
            List<JsonNode> alerts = client.getAll("/repos/" + repoPath(fullName) + "/dependabot/alerts?state=open&per_page=100");
            int c = 0;
            int h = 0;
            int m = 0;
            int l = 0;
            for (JsonNode a : alerts) {
                String sev = a.path("security_advisory").path("severity").asText(
                        a.path("security_vulnerability").path("severity").asText("")).toLowerCase(Locale.ROOT);
                switch (sev) {
                    case "critical" -> c++;
                    case "high" -> h++;
                    case "medium", "moderate" -> m++;
                    case "low" -> l++;
                    default -> { }
                }
            }
            return Fact.known(new AlertCounts(alerts.size(), c, h, m, l));
        } catch (GitHubApiException e) {
            if (e.featureDisabled()) {
                return Fact.known(null);
            }
            String why = reason(e, "security_events", "'Dependabot alerts' repository permission (read)");
            reasons.add(why);
            return Fact.unknown("Dependabot alerts of " + fullName + " could not be read: " + why);
        }
    }

    private Fact<AlertCounts> secretScanning(GitHubClient client, String fullName, Set<String> reasons) throws InterruptedException {
        try {
            // hide_secret=true asks GitHub to leave the secret out; it is ignored below in any case.
            List<JsonNode> alerts = client.getAll("/repos/" + repoPath(fullName)
                    + "/secret-scanning/alerts?state=open&hide_secret=true&per_page=100");
            return Fact.known(new AlertCounts(alerts.size(), 0, 0, 0, 0));
        } catch (GitHubApiException e) {
            if (e.featureDisabled()) {
                return Fact.known(null);
            }
            String why = reason(e, "security_events", "'Secret scanning alerts' repository permission (read)");
            reasons.add(why);
            return Fact.unknown("Secret-scanning alerts of " + fullName + " could not be read: " + why);
        }
    }

    /**
     * Why a call failed, naming the scope to add: GitHub's {@code X-Accepted-OAuth-Scopes} when a classic
     * token lacks them, else the classic scope and fine-grained permission that the endpoint documents.
     */
    static String reason(GitHubApiException e, String classicScope, String fineGrained) {
        String gh = e.githubMessage().isEmpty() ? "" : " " + e.githubMessage().replaceAll("[.\\s]+$", "");
        return switch (e.kind()) {
            case FORBIDDEN, NOT_FOUND, BAD_CREDENTIALS -> {
                String head = e.status() == 200 ? "GitHub GraphQL refused it:" + gh + "; "
                        : "GitHub answered " + e.status() + gh + "; ";
                if (!e.acceptedScopes().isEmpty() && !e.tokenScopes().isEmpty()) {
                    yield head + "the token has scopes [" + String.join(", ", e.tokenScopes()) + "] but the call needs one of ["
                            + String.join(", ", e.acceptedScopes()) + "]: add " + classicScope + " to the token.";
                }
                yield head + "the token needs the " + classicScope + " scope (classic token) or the " + fineGrained
                        + " (fine-grained token).";
            }
            default -> e.getMessage();
        };
    }

    private static void note(List<String> problems, Fact<?> fact) {
        if (!fact.isKnown()) {
            problems.add(fact.error());
        }
    }

    private static Set<String> logins(List<JsonNode> users) {
        Set<String> out = new HashSet<>();
        for (JsonNode u : users) {
            out.add(u.path("login").asText());
        }
        return out;
    }

    private static String textOrNull(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String repoPath(String fullName) {
        int slash = fullName.indexOf('/');
        return slash < 0 ? enc(fullName) : enc(fullName.substring(0, slash)) + "/" + enc(fullName.substring(slash + 1));
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
