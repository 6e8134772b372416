package dev.palisade.scan;

import dev.palisade.checks.Catalogue;
import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.collect.demo.DemoCollector;
import dev.palisade.collect.demo.DemoWorkspace;
import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.ConfigException;
import dev.palisade.core.config.ConfigLoader;
import dev.palisade.core.config.DomainConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.store.AuditAnchor;
import dev.palisade.store.AuditRepository;
import dev.palisade.store.SnapshotRepository;
import dev.palisade.store.SqliteStore;
import dev.palisade.store.TriageRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Workspace} on a local data directory ({@code palisade.yaml} + {@code palisade.db}), or
 * the built-in demo. A scan runs the selected collectors concurrently on a bounded pool under one
 * deadline; a collector that throws, or does not finish in time, becomes an ERROR source whose
 * inventory is present but unknown, so its checks report ERROR rather than nothing.
 */
public final class LocalWorkspace implements Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWorkspace.class);
    static final String DEMO_KIND = "demo";

    /**
     * How to open a workspace.
     *
     * @param codec        seals payloads in the store (the AES codec for real stores; PLAIN for tests)
     * @param registry     source kind → collector factory
     * @param scanDeadline a scan's overall deadline; collectors still running then are cancelled (ERROR)
     * @param parallelism  most collectors running at once
     * @param checks       the catalogue to evaluate; null = {@link Catalogue#all()}
     * @param actor        who the audit log names for scans (the signed-in user, or the OS user)
     * @param auditAnchor  where the audit log's head is kept outside the database ({@link AuditAnchor#NONE} in tests)
     */
    public record Options(PayloadCodec codec, CollectorRegistry registry, Clock clock, Duration scanDeadline,
                          int parallelism, List<Check> checks, String actor, AuditAnchor auditAnchor) {
        public Options {
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(scanDeadline, "scanDeadline");
            parallelism = Math.max(1, parallelism);
            checks = checks == null ? null : List.copyOf(checks);
            actor = actor == null || actor.isBlank() ? "local user" : actor;
            auditAnchor = auditAnchor == null ? AuditAnchor.NONE : auditAnchor;
        }

        public static Options defaults() {
            return new Options(PayloadCodec.PLAIN, CollectorRegistry.standard(), Clock.systemUTC(),
                    Duration.ofMinutes(10), 4, null, System.getProperty("user.name"), AuditAnchor.NONE);
        }

        public Options withCodec(PayloadCodec c) {
            return new Options(c, registry, clock, scanDeadline, parallelism, checks, actor, auditAnchor);
        }

        public Options withRegistry(CollectorRegistry r) {
            return new Options(codec, r, clock, scanDeadline, parallelism, checks, actor, auditAnchor);
        }

        public Options withClock(Clock c) {
            return new Options(codec, registry, c, scanDeadline, parallelism, checks, actor, auditAnchor);
        }

        public Options withScanDeadline(Duration d) {
            return new Options(codec, registry, clock, d, parallelism, checks, actor, auditAnchor);
        }

        public Options withChecks(List<Check> c) {
            return new Options(codec, registry, clock, scanDeadline, parallelism, c, actor, auditAnchor);
        }

        public Options withAuditAnchor(AuditAnchor a) {
            return new Options(codec, registry, clock, scanDeadline, parallelism, checks, actor, a);
        }

        public Options withActor(String a) {
            return new Options(codec, registry, clock, scanDeadline, parallelism, checks, a, auditAnchor);
        }
    }

    private final PalisadeConfig config;
    private final boolean demo;
    private final SqliteStore store;
    private final Options options;
    private final CheckEngine engine;
    private final ReentrantLock scanLock = new ReentrantLock();
    /** The scan that seeding an empty demo store ran when this workspace was opened; null otherwise. */
    private volatile Snapshot seedScan;

    private LocalWorkspace(PalisadeConfig config, boolean demo, SqliteStore store, Options options) {
        this.config = config;
        this.demo = demo;
        this.store = store;
        this.options = options;
        store.anchorAuditLog(options.auditAnchor());
        this.engine = new CheckEngine(options.checks() == null ? Catalogue.all() : options.checks());
    }

    /**
     * Opens {@code home}: reads {@code home/palisade.yaml} (a bad file throws before the store is
     * touched), then opens or creates {@code home/palisade.db}.
     *
     * @throws ConfigException               the configuration is missing or invalid
     * @throws dev.palisade.store.StoreException the store is refused (corrupt, foreign, newer) or unwritable
     */
    public static LocalWorkspace open(Path home, Options options) throws ConfigException {
        PalisadeConfig config = ConfigLoader.load(home);
        return new LocalWorkspace(config, false,
                SqliteStore.open(home.resolve(SqliteStore.FILE_NAME), options.codec(), options.clock()), options);
    }

    /** Like {@link #open(Path, Options)} with an already loaded configuration. */
    public static LocalWorkspace open(PalisadeConfig config, Path home, Options options) {
        return new LocalWorkspace(config, false,
                SqliteStore.open(home.resolve(SqliteStore.FILE_NAME), options.codec(), options.clock()), options);
    }

    /** The demo company in {@code dir}; seeded with its history and a first scan on first open. */
    public static LocalWorkspace openDemo(Path dir, Clock clock) {
        return openDemo(dir, Options.defaults().withClock(clock).withActor("demo"));
    }

    /** The demo with explicit options; the registry is replaced by the demo's own source. */
    public static LocalWorkspace openDemo(Path dir, Options options) {
        PalisadeConfig config = DemoWorkspace.config(dir);
        Clock clock = options.clock();
        CollectorRegistry demoSources = new CollectorRegistry().register(DEMO_KIND, c -> true,
                c -> new dev.palisade.collect.demo.DemoCollector(clock, Set.of()));
        Options o = options.withRegistry(demoSources);
        LocalWorkspace ws = new LocalWorkspace(config, true,
                SqliteStore.open(dir.resolve(SqliteStore.FILE_NAME), o.codec(), clock), o);
        try {
            if (ws.store.list().isEmpty()) {
                for (Snapshot s : DemoWorkspace.history(clock.instant(), ws.engine)) {
                    ws.store.save(s);
                }
                ws.store.append(o.actor(), "seed", DemoWorkspace.ORGANIZATION, "OK", "demo history stored");
                ws.seedScan = ws.scan(Set.of(), ScanProgress.NONE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ws.close();
            throw new IllegalStateException("Interrupted while preparing the demo", e);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /**
     * The full scan this demo ran while seeding its empty store on open (so that the console has a
     * current snapshot); empty when the store was already seeded. {@code scan --demo} on a fresh
     * data directory reports it rather than storing a second, identical snapshot a moment later.
     */
    public java.util.Optional<Snapshot> seedScan() {
        return java.util.Optional.ofNullable(seedScan);
    }

    @Override
    public dev.palisade.core.action.ActionJournal actions() {
        return store.actions();
    }

    @Override
    public String organization() {
        return demo ? DemoWorkspace.ORGANIZATION : config.organization();
    }

    @Override
    public boolean isDemo() {
        return demo;
    }

    @Override
    public PalisadeConfig config() {
        return config;
    }

    @Override
    public SnapshotRepository snapshots() {
        return store;
    }

    /** Triage that records every change in the audit log (who, which finding, until when; never the note). */
    @Override
    public TriageRepository triage() {
        return auditedTriage;
    }

    private final TriageRepository auditedTriage = new TriageRepository() {
        @Override
        public Map<String, dev.palisade.core.Triage> allTriage() {
            return store.allTriage();
        }

        @Override
        public void putTriage(dev.palisade.core.Triage t) {
            store.putTriage(t);
            // the one place triage changes are audited, whoever makes them (console, tests, future CLI)
            store.append(t.updatedBy() == null ? options.actor() : t.updatedBy(),
                    t.mutedUntil() != null ? "triage.mute" : "triage.assign", t.check() + " " + t.resourceId(),
                    "OK", (t.mutedUntil() == null ? "not muted" : "muted until " + t.mutedUntil())
                            + (t.owner() == null ? "" : ", owner " + t.owner()));
        }

        @Override
        public void clearTriage(String check, String resourceId) {
            store.clearTriage(check, resourceId);
            store.append(options.actor(), "triage.clear", check + " " + resourceId, "OK", null);
        }
    };

    @Override
    public AuditRepository audit() {
        return store;
    }

    public CheckEngine engine() {
        return engine;
    }

    /** The kinds {@link #scan} would run for {@code only}; throws {@link ScanException} like scan does. */
    public List<String> sourcesFor(Set<String> only) {
        if (demo) {
            demoSelection(only);
            return List.of(DEMO_KIND);
        }
        return options.registry().select(only, config);
    }

    /**
     * @throws ScanException        {@code only} names an unknown or unconfigured source
     * @throws InterruptedException the calling thread was interrupted; nothing is stored
     */
    @Override
    public Snapshot scan(Set<String> only, ScanProgress progress) throws InterruptedException {
        ScanProgress p = progress == null ? ScanProgress.NONE : progress;
        Map<String, CollectorFactory> factories = new LinkedHashMap<>();
        if (demo) {
            Set<String> selection = demoSelection(only);
            factories.put(DEMO_KIND, c -> new dev.palisade.collect.demo.DemoCollector(options.clock(), selection));
        } else {
            for (String kind : options.registry().select(only, config)) {
                factories.put(kind, options.registry().isRegistered(kind) ? options.registry().factory(kind) : null);
            }
        }
        scanLock.lockInterruptibly();
        try {
            return runScan(factories, p);
        } finally {
            scanLock.unlock();
        }
    }

    private static Set<String> demoSelection(Set<String> only) {
        if (only == null || only.isEmpty()) {
            return Set.of();
        }
        for (String k : only) {
            if (!CollectorRegistry.KNOWN_KINDS.contains(k) && !DEMO_KIND.equals(k)) {
                throw new ScanException("Unknown source '" + k + "' in --only; expected one or more of "
                        + String.join(", ", CollectorRegistry.KNOWN_KINDS) + ".");
            }
        }
        return only.contains(DEMO_KIND) ? Set.of() : Set.copyOf(only);
    }

    private Snapshot runScan(Map<String, CollectorFactory> factories, ScanProgress progress) throws InterruptedException {
        Instant started = options.clock().instant();
        String id = SnapshotIds.next(started);
        long deadline = System.nanoTime() + options.scanDeadline().toNanos();
        Map<String, Future<CollectorResult>> running = new LinkedHashMap<>();
        Map<String, CollectorResult> results = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), Math.max(1, factories.size())),
                threads("palisade-scan-" + id));
        factories.keySet().forEach(k -> results.put(k, null)); // keeps the sources in selection order
        try {
            for (Map.Entry<String, CollectorFactory> e : factories.entrySet()) {
                String kind = e.getKey();
                if (e.getValue() == null) {
                    results.put(kind, failed(kind, "this build of Palisade has no " + kind + " collector"));
                    results.get(kind).sources().forEach(progress::finished);
                    continue;
                }
                Collector collector;
                try {
                    collector = e.getValue().create(config);
                } catch (RuntimeException ex) {
                    LOG.warn("Creating the {} collector failed", kind, ex);
                    results.put(kind, failed(kind, "the " + kind + " collector could not start ("
                            + describe(ex) + ")"));
                    results.get(kind).sources().forEach(progress::finished);
                    continue;
                }
                progress.update(kind, 0, "Starting");
                running.put(kind, pool.submit(() -> collector.collect(progress)));
            }
            for (Map.Entry<String, Future<CollectorResult>> e : running.entrySet()) {
                String kind = e.getKey();
                long left = deadline - System.nanoTime();
                try {
                    CollectorResult r = e.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS);
                    if (r != null) {
                        results.put(kind, r); // the collector reported its sources' progress itself
                        continue;
                    }
                    results.put(kind, failed(kind, "the " + kind + " collector returned nothing"));
                } catch (TimeoutException ex) {
                    e.getValue().cancel(true);
                    results.put(kind, failed(kind, "did not finish within the scan deadline of "
                            + human(options.scanDeadline()) + "; check connectivity and the source's timeouts"));
                } catch (ExecutionException ex) {
                    Throwable cause = ex.getCause();
                    if (cause instanceof InterruptedException) {
                        results.put(kind, failed(kind, "the " + kind + " collector was interrupted"));
                    } else {
                        LOG.warn("The {} collector failed", kind, cause);
                        results.put(kind, failed(kind, "the " + kind + " collector failed (" + describe(cause) + ")"));
                    }
                } catch (CancellationException ex) {
                    results.put(kind, failed(kind, "the " + kind + " collector was cancelled"));
                }
                results.get(kind).sources().forEach(progress::finished); // failures the orchestrator reports
            }
        } catch (InterruptedException ex) {
            running.values().forEach(f -> f.cancel(true));
            LOG.info("Scan {} cancelled; nothing stored", id);
            throw ex;
        } finally {
            pool.shutdownNow();
        }
        Inventory inventory = Inventory.empty();
        List<SourceStatus> sources = new ArrayList<>();
        for (Map.Entry<String, CollectorResult> e : results.entrySet()) {
            CollectorResult r = e.getValue();
            if (r.inventory() != null) {
                inventory = inventory.merge(r.inventory());
            }
            sources.addAll(r.sources());
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("Scan " + id + " cancelled; nothing stored");
        }
        inventory = inventory.withIdentities(IdentityLinker.link(config, inventory));
        Instant now = options.clock().instant();
        List<Finding> findings = engine.evaluate(new CheckContext(inventory, config, now));
        findings = CheckEngine.applyTriage(findings, store.allTriage(), now);
        Snapshot snapshot = new Snapshot(id, organization(), started, options.clock().instant(), sources, findings, inventory);
        if (Thread.interrupted()) {
            throw new InterruptedException("Scan " + id + " cancelled; nothing stored");
        }
        store.save(snapshot);
        SourceState worst = sources.stream().map(SourceStatus::status).max(Enum::compareTo).orElse(SourceState.OK);
        store.append(options.actor(), "scan", id, worst.name(), sources.size() + " sources ("
                + sources.stream().filter(s -> s.status() != SourceState.OK).count() + " not OK), "
                + findings.size() + " findings: " + snapshot.count(Status.FAIL) + " FAIL, " + snapshot.count(Status.ERROR)
                + " ERROR, " + snapshot.count(Status.MUTED) + " MUTED");
        LOG.info("Scan {} stored: {} findings, sources {}", id, findings.size(),
                sources.stream().map(s -> s.name() + "=" + s.status()).toList());
        return snapshot;
    }

    /**
     * What a failed collector leaves: an ERROR status per source it would have reported and an
     * inventory whose facts are all unknown with {@code reason}, so every check of the source
     * reports ERROR for every configured resource instead of staying silent.
     */
    CollectorResult failed(String kind, String reason) {
        String why = reason.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + reason.substring(1) + ".";
        List<SourceStatus> st = new ArrayList<>();
        Inventory inv = Inventory.empty();
        switch (kind) {
            case "aws" -> {
                List<AwsEnvironment> envs = new ArrayList<>();
                for (EnvironmentConfig e : config.environments().values()) {
                    if (e.aws() == null) {
                        continue;
                    }
                    st.add(new SourceStatus("aws:" + e.name(), SourceState.ERROR, why, 0, 0));
                    envs.add(new AwsEnvironment(e.name(), e.production(), e.aws().profile(), e.aws().regions(),
                            e.aws().tag(), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why),
                            Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why),
                            Fact.unknown(why), Fact.unknown(why)));
                }
                inv = new Inventory(envs, null, null, null, null);
            }
            case "tls" -> {
                List<TlsEndpoint> eps = new ArrayList<>();
                for (DomainConfig d : config.domains()) {
                    eps.add(new TlsEndpoint(d.host(), d.port(), why, List.of(), Fact.unknown(why)));
                }
                st.add(new SourceStatus("tls", SourceState.ERROR, why, 0, 0));
                inv = new Inventory(List.of(), new TlsInventory(eps), null, null, null);
            }
            case "google" -> {
                st.add(new SourceStatus("google", SourceState.ERROR, why, 0, 0));
                inv = new Inventory(List.of(), null, new WorkspaceDirectory(config.google().domain(), Fact.unknown(why)),
                        null, null);
            }
            case "github" -> {
                st.add(new SourceStatus("github", SourceState.ERROR, why, 0, 0));
                List<GitHubOrg> orgs = config.github().organizations().stream().map(o -> new GitHubOrg(o,
                        Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why))).toList();
                inv = new Inventory(List.of(), null, null, orgs, null);
            }
            default -> st.add(new SourceStatus(kind, SourceState.ERROR, why, 0, 0));
        }
        if (st.isEmpty()) {
            st.add(new SourceStatus(kind, SourceState.ERROR, why, 0, 0));
        }
        return new CollectorResult(inv, st);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String s = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 1 && d.toSecondsPart() == 0 ? d.toMinutes() + " min"
                : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        store.close();
    }
}
