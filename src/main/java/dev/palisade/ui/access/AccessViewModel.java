package dev.palisade.ui.access;

import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.WorkspaceUser;
import dev.palisade.ui.common.Cell;
import dev.palisade.ui.common.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The people × systems matrix, unowned accounts and departed-but-active people. Pure. */
public final class AccessViewModel {
    /** A key a rotation can start from. */
    public record KeyRef(String env, String userName, String keyId, long ageDays) {
        @Override
        public String toString() {
            return keyId + " of " + userName + " in " + env + " (" + ageDays + " d old)";
        }
    }

    /** One person: a cell per system column (see {@link Matrix#columns()}). */
    public record PersonRow(String email, String name, Person.PersonState state, boolean departedActive,
                            Map<String, Cell> cells, List<KeyRef> keys, Set<String> resourceIds) {
    }

    /** Findings about this person or any of their accounts and keys, most severe first. */
    public static List<Finding> findingsOf(Snapshot s, PersonRow p) {
        return s.findings().stream().filter(f -> p.resourceIds().contains(f.resource().id().toLowerCase()))
                .sorted(dev.palisade.core.check.CheckEngine.ORDER).toList();
    }

    /** An account linked to nobody. */
    public record UnownedRow(String system, String env, String id, String name, Cell detail) {
    }

    public record Matrix(List<String> columns, List<PersonRow> people, List<UnownedRow> unowned) {
        public List<PersonRow> departedActive() {
            return people.stream().filter(PersonRow::departedActive).toList();
        }
    }

    public static final String WORKSPACE = "Workspace";
    public static final String GITHUB = "GitHub";

    private AccessViewModel() {
    }

    public static Matrix of(Snapshot s, Thresholds th, Instant now) {
        var inv = s.inventory();
        List<String> columns = new ArrayList<>();
        columns.add(WORKSPACE);
        Map<String, IamUser> iam = new HashMap<>();
        Map<String, String> envOfArn = new HashMap<>();
        if (inv != null) {
            for (AwsEnvironment e : inv.aws()) {
                columns.add("AWS " + e.env());
                if (e.users() != null && e.users().isKnown() && e.users().value() != null) {
                    for (IamUser u : e.users().value()) {
                        iam.put(e.env() + "|" + u.arn(), u);
                        envOfArn.put(u.arn(), e.env());
                    }
                }
            }
        }
        columns.add(GITHUB);
        Map<String, WorkspaceUser> gws = new HashMap<>();
        if (inv != null && inv.google() != null && inv.google().users() != null && inv.google().users().isKnown()
                && inv.google().users().value() != null) {
            inv.google().users().value().forEach(u -> gws.put(u.email().toLowerCase(), u));
        }
        // Per login, its seat in each organization (an account in two orgs is one account, shown once).
        Map<String, Map<String, GitHubMember>> gh = new HashMap<>();
        boolean severalOrgs = inv != null && inv.github().size() > 1;
        if (inv != null) {
            for (GitHubOrg org : inv.github()) {
                for (GitHubMember m : org.accounts()) {
                    gh.computeIfAbsent(m.login().toLowerCase(), k -> new LinkedHashMap<>()).putIfAbsent(org.organization(), m);
                }
            }
        }
        Set<String> departedFindings = new HashSet<>();
        for (Finding f : s.findings()) {
            if (f.check().equals("access.departed.active") && (f.status() == Status.FAIL || f.status() == Status.MUTED)) {
                departedFindings.add(f.resource().id().toLowerCase());
            }
        }
        List<PersonRow> people = new ArrayList<>();
        List<UnownedRow> unowned = new ArrayList<>();
        if (inv != null && inv.identities() != null) {
            for (Person p : inv.identities().people()) {
                Map<String, Cell> cells = new LinkedHashMap<>();
                List<KeyRef> keys = new ArrayList<>();
                WorkspaceUser wu = gws.get(p.email().toLowerCase());
                cells.put(WORKSPACE, workspaceCell(wu, p));
                boolean anyActive = false;
                for (AccountRef a : p.accounts()) {
                    switch (a.system()) {
                        case "aws" -> {
                            IamUser u = iam.get(a.env() + "|" + a.id());
                            Cell c = iamCell(u, a, th, now, keys);
                            cells.merge("AWS " + a.env(), c, (x, y) -> new Cell(x.text() + "; " + y.text(), worse(x.tone(), y.tone())));
                            anyActive |= u == null || activeIam(u);
                        }
                        case "github" -> {
                            cells.put(GITHUB, githubCell(gh.get(a.id().toLowerCase()), a, severalOrgs));
                            anyActive = true;
                        }
                        default -> { }
                    }
                }
                boolean departed = p.state() == Person.PersonState.SUSPENDED || p.state() == Person.PersonState.DELETED;
                boolean departedActive = departedFindings.contains(p.email().toLowerCase()) || (departed && anyActive);
                Set<String> ids = new HashSet<>();
                ids.add(p.email().toLowerCase());
                p.accounts().forEach(a -> ids.add(a.id().toLowerCase()));
                keys.forEach(k -> ids.add(k.keyId().toLowerCase()));
                people.add(new PersonRow(p.email(), p.name(), p.state(), departedActive, cells, keys, ids));
            }
            for (AccountRef a : inv.identities().unowned()) {
                Cell d;
                if ("aws".equals(a.system())) {
                    IamUser u = iam.get(a.env() + "|" + a.id());
                    d = iamCell(u, a, th, now, new ArrayList<>());
                } else if ("github".equals(a.system())) {
                    d = githubCell(gh.get(a.id().toLowerCase()), a, severalOrgs);
                } else {
                    d = new Cell(a.name(), Tone.NEUTRAL);
                }
                unowned.add(new UnownedRow(a.system(), a.env(), a.id(), a.name(), d));
            }
        }
        people.sort(java.util.Comparator.comparing(PersonRow::departedActive).reversed().thenComparing(PersonRow::email));
        return new Matrix(columns, people, unowned);
    }

    private static Tone worse(Tone a, Tone b) {
        return a == Tone.BAD || b == Tone.BAD ? Tone.BAD : a == Tone.WARN || b == Tone.WARN ? Tone.WARN
                : a == Tone.UNKNOWN || b == Tone.UNKNOWN ? Tone.UNKNOWN : a;
    }

    private static boolean activeIam(IamUser u) {
        boolean console = u.console() != null && u.console().isKnown() && u.console().value() != null && u.console().value().passwordEnabled();
        boolean key = u.accessKeys() != null && u.accessKeys().isKnown() && u.accessKeys().value() != null
                && u.accessKeys().value().stream().anyMatch(AccessKey::active);
        return console || key || u.console() == null || !u.console().isKnown();
    }

    static Cell workspaceCell(WorkspaceUser u, Person p) {
        if (u == null) {
            return p.state() == Person.PersonState.DELETED ? new Cell("deleted", Tone.MUTED)
                    : new Cell(p.state() == Person.PersonState.UNKNOWN ? "not read" : "—", p.state() == Person.PersonState.UNKNOWN ? Tone.UNKNOWN : Tone.NEUTRAL);
        }
        if (!u.active()) {
            return new Cell(u.suspended() ? "suspended" : "archived", Tone.MUTED);
        }
        List<String> parts = new ArrayList<>();
        if (u.admin()) {
            parts.add("super admin");
        }
        Tone t;
        if (u.enrolledIn2Sv() == null) {
            parts.add("2SV ?");
            t = Tone.UNKNOWN;
        } else if (u.enrolledIn2Sv()) {
            parts.add("2SV");
            t = Tone.GOOD;
        } else {
            parts.add("no 2SV");
            t = Tone.BAD;
        }
        return new Cell(String.join(" · ", parts), t);
    }

    static Cell iamCell(IamUser u, AccountRef a, Thresholds th, Instant now, List<KeyRef> keys) {
        if (u == null) {
            return new Cell(a.name() + " (not read)", Tone.UNKNOWN);
        }
        List<String> parts = new ArrayList<>();
        parts.add(u.name());
        Tone t = Tone.GOOD;
        if (u.console() == null || !u.console().isKnown()) {
            parts.add("console ?");
            t = Tone.UNKNOWN;
        } else if (u.console().value() != null && u.console().value().passwordEnabled()) {
            boolean mfa = u.mfaActive() != null && u.mfaActive().isKnown() && Boolean.TRUE.equals(u.mfaActive().value());
            parts.add(mfa ? "console+MFA" : "console, no MFA");
            if (!mfa) {
                t = Tone.BAD;
            }
        }
        if (u.accessKeys() != null && u.accessKeys().isKnown() && u.accessKeys().value() != null) {
            for (AccessKey k : u.accessKeys().value()) {
                if (!k.active()) {
                    continue;
                }
                long age = k.created() == null ? 0 : Duration.between(k.created(), now).toDays();
                parts.add("key " + age + " d");
                keys.add(new KeyRef(a.env(), u.name(), k.id(), age));
                if (age > th.accessKeyMaxAgeDays() && t == Tone.GOOD) {
                    t = Tone.WARN;
                }
            }
        } else if (u.accessKeys() != null && !u.accessKeys().isKnown()) {
            parts.add("keys ?");
            if (t == Tone.GOOD) {
                t = Tone.UNKNOWN;
            }
        }
        if (u.attachedPolicies() != null && u.attachedPolicies().isKnown() && u.attachedPolicies().value() != null
                && u.attachedPolicies().value().stream().anyMatch(pr -> pr.arn() != null && pr.arn().endsWith("/AdministratorAccess"))) {
            parts.add("admin");
        }
        return new Cell(String.join(" · ", parts), t);
    }

    /**
     * The GitHub cell: login, role, 2FA. With several organizations it names each org the login is in,
     * with its role there ({@code mayachen · acme-demo (owner), acme-demo-oss · 2FA}).
     *
     * @param seats the login's record per organization, in configuration order; null when in none
     */
    static Cell githubCell(Map<String, GitHubMember> seats, AccountRef a, boolean nameOrgs) {
        if (seats == null || seats.isEmpty()) {
            return new Cell(a.name(), Tone.NEUTRAL);
        }
        GitHubMember m = seats.values().iterator().next();
        List<String> parts = new ArrayList<>();
        parts.add(m.login());
        if (nameOrgs) {
            List<String> orgs = new ArrayList<>();
            seats.forEach((org, x) -> orgs.add(org + ("admin".equals(x.role()) ? " (owner)" : x.outsideCollaborator() ? " (outside)" : "")));
            parts.add(String.join(", ", orgs));
        } else if ("admin".equals(m.role())) {
            parts.add("owner");
        } else if (m.outsideCollaborator()) {
            parts.add("outside");
        }
        Boolean enabled = GitHubMember.twoFactorOfAccount(seats.values());
        Tone t;
        if (enabled == null) {
            parts.add("2FA ?");
            t = Tone.UNKNOWN;
        } else if (enabled) {
            parts.add("2FA");
            t = Tone.GOOD;
        } else {
            parts.add("no 2FA");
            t = Tone.BAD;
        }
        return new Cell(String.join(" · ", parts), t);
    }
}
