package dev.palisade.ui.testkit;

import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.scan.Workspace;
import dev.palisade.store.AuditEntry;
import dev.palisade.store.AuditRepository;
import dev.palisade.store.SnapshotRepository;
import dev.palisade.store.SnapshotSummary;
import dev.palisade.store.TriageRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data for the screens: a workspace held in memory, filled with {@link SampleCompany} snapshots. */
public final class InMemoryWorkspace implements Workspace {
    private final PalisadeConfig config = SampleCompany.config();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Triage> triage = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final AtomicInteger scans = new AtomicInteger();
    private final Instant now;
    public volatile long stepMillis = 150;
    public volatile RuntimeException failNextScan;

    /** @param history how many weekly snapshots to hold (0 = an empty store) */
    public InMemoryWorkspace(Instant now, int history) {
        this.now = now;
        for (int i = history - 1; i >= 0; i--) {
            Instant at = now.minus(Duration.ofDays(7L * i)).minusSeconds(3600);
            String id = "20261" + String.format("%03d", 100 - i) + "-w" + (history - i);
            snapshots.put(id, SampleCompany.snapshot(id, at, false, i));
            append("demo", "scan", id, "ok", "weekly scan");
        }
    }

    public int scanCount() {
        return scans.get();
    }

    @Override
    public String organization() {
        return SampleCompany.ORG;
    }

    @Override
    public boolean isDemo() {
        return false;
    }

    @Override
    public PalisadeConfig config() {
        return config;
    }

    @Override
    public SnapshotRepository snapshots() {
        return new SnapshotRepository() {
            @Override
            public void save(Snapshot s) {
                snapshots.put(s.id(), s);
            }

            @Override
            public Optional<Snapshot> load(String id) {
                Snapshot s = snapshots.get(id);
                return s == null ? Optional.empty()
                        : Optional.of(new Snapshot(s.schema(), s.id(), s.organization(), s.startedAt(), s.finishedAt(), s.sources(),
                        CheckEngine.applyTriage(s.findings(), triage, now.plusSeconds(60)), s.inventory()));
            }

            @Override
            public List<SnapshotSummary> list() {
                return snapshots.values().stream().sorted(Comparator.comparing(Snapshot::startedAt).reversed())
                        .map(InMemoryWorkspace::summary).toList();
            }
        };
    }

    static SnapshotSummary summary(Snapshot s) {
        int[] bySev = new int[Severity.values().length];
        for (Finding f : s.findings()) {
            if (f.status() == Status.FAIL) {
                bySev[f.severity().ordinal()]++;
            }
        }
        return new SnapshotSummary(s.id(), s.organization(), s.startedAt(), s.finishedAt(), (int) s.count(Status.PASS),
                (int) s.count(Status.FAIL), (int) s.count(Status.ERROR), (int) s.count(Status.MUTED), bySev, s.sources());
    }

    @Override
    public TriageRepository triage() {
        return new TriageRepository() {
            @Override
            public Map<String, Triage> allTriage() {
                return Map.copyOf(triage);
            }

            @Override
            public void putTriage(Triage t) {
                triage.put(CheckEngine.triageKey(t.check(), t.resourceId()), t);
                // like LocalWorkspace: the workspace audits every triage change
                audit().append(t.updatedBy() == null ? "test" : t.updatedBy(), t.mutedUntil() != null ? "triage.mute" : "triage.assign",
                        t.check() + " " + t.resourceId(), "OK", t.owner() == null ? null : "owner " + t.owner());
            }

            @Override
            public void clearTriage(String check, String resourceId) {
                triage.remove(CheckEngine.triageKey(check, resourceId));
                audit().append("test", "triage.clear", check + " " + resourceId, "OK", null);
            }
        };
    }

    @Override
    public AuditRepository audit() {
        return new AuditRepository() {
            @Override
            public AuditEntry append(String actor, String action, String target, String outcome, String details) {
                return InMemoryWorkspace.this.append(actor, action, target, outcome, details);
            }

            @Override
            public List<AuditEntry> entries() {
                return List.copyOf(audit);
            }

            @Override
            public Optional<AuditEntry> firstBroken() {
                String prev = "";
                for (AuditEntry e : audit) {
                    if (!e.prevHash().equals(prev) || !e.hash().equals(hash(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.outcome(), e.details(), prev))) {
                        return Optional.of(e);
                    }
                    prev = e.hash();
                }
                return Optional.empty();
            }
        };
    }

    private synchronized AuditEntry append(String actor, String action, String target, String outcome, String details) {
        String prev = audit.isEmpty() ? "" : audit.get(audit.size() - 1).hash();
        long seq = audit.size() + 1;
        Instant at = now.minus(Duration.ofDays(40)).plus(Duration.ofHours(seq * 7));
        AuditEntry e = new AuditEntry(seq, at, actor, action, target, outcome, details, prev, hash(seq, at, actor, action, target, outcome, details, prev));
        audit.add(e);
        return e;
    }

    /** Edits an entry's details without fixing its hash, as an attacker editing the database would. */
    public void tamper(long seq, String details) {
        AuditEntry e = audit.get((int) seq - 1);
        audit.set((int) seq - 1, new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.outcome(), details, e.prevHash(), e.hash()));
    }

    private static String hash(Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Snapshot scan(Set<String> only, ScanProgress progress) throws InterruptedException {
        RuntimeException fail = failNextScan;
        failNextScan = null;
        List<SourceStatus> sources = SampleCompany.sources();
        for (SourceStatus s : sources) {
            progress.update(s.name(), 0.0, "connecting");
            Thread.sleep(stepMillis / 2);
            progress.update(s.name(), 0.5, "reading");
            Thread.sleep(stepMillis / 2);
            if (fail != null) {
                throw fail;
            }
            progress.finished(s);
        }
        int n = scans.incrementAndGet();
        Instant at = now.plusSeconds(60L * n);
        String id = "20261200-scan" + n;
        Snapshot raw = SampleCompany.snapshot(id, at, true, 0);
        Snapshot s = new Snapshot(raw.schema(), id, raw.organization(), raw.startedAt(), raw.finishedAt(), raw.sources(),
                CheckEngine.applyTriage(raw.findings(), triage, at), raw.inventory());
        snapshots.put(id, raw);
        append("local", "scan", id, "ok", s.findings().size() + " findings");
        return s;
    }

    @Override
    public void close() {
    }

    /** Distinct snapshot ids, newest first (for tests). */
    public List<String> ids() {
        List<String> out = new ArrayList<>(new LinkedHashMap<String, Snapshot>(snapshots).keySet());
        out.sort(Comparator.comparing((String id) -> snapshots.get(id).startedAt()).reversed());
        return out;
    }
}
