package dev.palisade.collect.demo;

import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.AwsConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.PersonLink;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.config.TlsConfig;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.EnvTag;
import dev.palisade.core.inventory.Inventory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in sample company "Acme (demo)": a production account, a small production account for
 * card payments, and an account shared by staging and demo, ~25 buckets, ~15 IAM users, 12 Workspace users, 10 TLS endpoints, ACM certificates and a
 * GitHub organization with security issues and alerts. It produces inventory only; the real
 * catalogue turns it into findings. Every date is relative to the {@code now} it is given, so the
 * demo never goes stale, and the same {@code now} always gives the same inventory.
 */
public final class DemoWorkspace {
    public static final String ORGANIZATION = "Acme (demo)";
    /** Weekly snapshots kept as the demo's history. */
    public static final int HISTORY_WEEKS = 6;

    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DemoWorkspace() {
    }

    /** The demo company's configuration (environments, domains, thresholds, people links). */
    public static PalisadeConfig config(Path home) {
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        envs.put("prod", new EnvironmentConfig("prod", true,
                new AwsConfig("acme-prod", List.of("us-east-1", "eu-west-1"), null, null, "acme-prod-admin")));
        envs.put("payments", new EnvironmentConfig("payments", true,
                new AwsConfig("acme-payments", List.of("us-east-1"), null, null, "acme-payments-admin")));
        envs.put("staging", new EnvironmentConfig("staging", false,
                new AwsConfig("acme-staging", List.of("us-east-1"), null, new EnvTag(DemoAws.TAG_KEY, "staging"), null)));
        envs.put("demo", new EnvironmentConfig("demo", false,
                new AwsConfig("acme-demo", List.of("us-east-1"), null, new EnvTag(DemoAws.TAG_KEY, "demo"), null)));
        GoogleConfig google = new GoogleConfig(DemoGoogle.DOMAIN, List.of("maya.chen@acme.example"), null, null, null,
                null, null, 0);
        GitHubConfig github = new GitHubConfig(DemoGitHub.ORGS, null, null, List.of("security"));
        List<PersonLink> people = List.of(
                new PersonLink("maya.chen@acme.example", List.of(), List.of("mayachen")),
                new PersonLink("leo.park@acme.example", List.of(), List.of("leopark")),
                new PersonLink("dana.ortiz@acme.example", List.of("dana", "dana.ops"), List.of("dana-gh")),
                new PersonLink("ken.sato@acme.example", List.of("ken"), List.of("ksato")),
                new PersonLink("pat.kim@acme.example", List.of("pat.kim"), List.of()),
                new PersonLink("raj@contractor.example", List.of("raj.contractor"), List.of("rajp-contractor")));
        return new PalisadeConfig(home, ORGANIZATION, google, envs, DemoTls.domains(), TlsConfig.defaults(), github,
                Thresholds.defaults(), people);
    }

    /** The demo company's inventory as of {@code now} (without identities: the core links them). */
    public static Inventory inventory(Instant now) {
        return build(Moment.current(now.truncatedTo(ChronoUnit.SECONDS)), false);
    }

    /** The sources of a demo scan at {@code now}, all OK, as a real scan of this company would report them. */
    public static List<SourceStatus> sources(Instant now) {
        return sources(Moment.current(now.truncatedTo(ChronoUnit.SECONDS)), false);
    }

    /**
     * Six weekly historical snapshots before {@code now}, oldest first, evaluated by {@code engine}
     * at their own time. Posture improves week over week with a few regressions; in one week GitHub
     * rate-limited the scan (source PARTIAL, its checks ERROR).
     */
    public static List<Snapshot> history(Instant now, CheckEngine engine) {
        Instant anchor = now.truncatedTo(ChronoUnit.SECONDS);
        PalisadeConfig config = config(null);
        List<Snapshot> out = new ArrayList<>();
        for (int stage = 0; stage < Moment.CURRENT; stage++) {
            Instant at = anchor.minus(Duration.ofDays(7L * (Moment.CURRENT - stage)));
            Moment m = new Moment(anchor, at, stage);
            boolean rateLimited = stage == DemoGitHub.RATE_LIMITED_STAGE;
            Inventory inv = build(m, rateLimited);
            inv = inv.withIdentities(IdentityLinker.link(config, inv));
            List<Finding> findings = engine.evaluate(new CheckContext(inv, config, at));
            List<SourceStatus> sources = sources(m, rateLimited);
            long millis = sources.stream().mapToLong(SourceStatus::durationMs).max().orElse(0);
            out.add(new Snapshot(snapshotId(at), ORGANIZATION, at, at.plusMillis(millis), sources, findings, inv));
        }
        return out;
    }

    /**
     * The id of a demo snapshot started at {@code startedAt}, in the store's format
     * {@code yyyyMMdd-HHmmss-xxxx} (UTC time, four hex digits), e.g. {@code 20261125-090000-3fa2}. The
     * suffix is derived from the time rather than random, so the demo's history is deterministic.
     */
    public static String snapshotId(Instant startedAt) {
        Instant t = startedAt.truncatedTo(ChronoUnit.SECONDS);
        return ID_FORMAT.format(t) + "-" + Moment.stableHex("demo-snapshot|" + t, 2);
    }

    static Inventory build(Moment m, boolean githubRateLimited) {
        return new Inventory(DemoAws.environments(m), DemoTls.inventory(m), DemoGoogle.directory(m),
                DemoGitHub.orgs(m, githubRateLimited), null);
    }

    static List<SourceStatus> sources(Moment m, boolean githubRateLimited) {
        int jitter = m.stage() * 37;
        List<SourceStatus> s = new ArrayList<>();
        s.add(new SourceStatus("aws:prod", SourceState.OK, null, 412 + m.stage() * 3, 8123 + jitter));
        s.add(new SourceStatus("aws:payments", SourceState.OK, null, 96, 2630 + jitter));
        s.add(new SourceStatus("aws:staging", SourceState.OK, null, 268 + m.stage() * 2, 5410 + jitter));
        s.add(new SourceStatus("aws:demo", SourceState.OK, null, 268 + m.stage() * 2, 5388 + jitter));
        // legacy.acme.example never answers: the honest status is PARTIAL (its checks are ERROR).
        s.add(new SourceStatus("tls", SourceState.PARTIAL, "1 of " + DemoTls.domains().size()
                + " endpoints could not be checked: legacy.acme.example:443 (timeout after 5 s)", DemoTls.domains().size(), 5012));
        s.add(new SourceStatus("google", SourceState.OK, null, 3, 640 + jitter));
        s.add(githubRateLimited
                ? new SourceStatus("github", SourceState.PARTIAL, DemoGitHub.rateLimitedSourceError(), 60, 2210)
                : new SourceStatus("github", SourceState.OK, null, 23, 1875 + jitter));
        return s;
    }
}
