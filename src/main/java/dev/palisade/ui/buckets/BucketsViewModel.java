package dev.palisade.ui.buckets;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.BucketLogging;
import dev.palisade.core.inventory.PublicAccessBlock;
import dev.palisade.ui.common.Cell;
import dev.palisade.ui.common.Tone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row per bucket: inventory facts, coloured by the verdict of the matching check. Pure. */
public final class BucketsViewModel {
    public record BucketRow(String name, String env, String region, Cell encryption, Cell publicAccessBlock, Cell tlsOnly,
                            Cell publicPolicy, Cell versioning, Cell logging, int open) {
    }

    private BucketsViewModel() {
    }

    public static List<BucketRow> rows(Snapshot s) {
        Map<String, Finding> byKey = new HashMap<>();
        Map<String, Integer> open = new HashMap<>();
        for (Finding f : s.findings()) {
            if (f.check().startsWith("s3.bucket.")) {
                byKey.merge(f.check() + "|" + f.resource().id(), f, (a, b) -> a.status().ordinal() >= b.status().ordinal() ? a : b);
                if (f.isOpen()) {
                    open.merge(f.resource().id(), 1, Integer::sum);
                }
            }
        }
        List<BucketRow> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<AwsEnvironment> envs = s.inventory() == null ? List.of() : s.inventory().aws();
        for (AwsEnvironment e : envs) {
            if (e.buckets() == null || !e.buckets().isKnown() || e.buckets().value() == null) {
                continue;
            }
            for (Bucket b : e.buckets().value()) {
                if (e.tag() != null && !e.tag().owns(b.tags().orElse(null))) {
                    continue;
                }
                String env = e.env();
                if (!seen.add(b.arn() + "|" + env)) {
                    continue;
                }
                String id = b.arn();
                Finding enc = byKey.get("s3.bucket.encryption|" + id);
                Finding kms = byKey.get("s3.bucket.encryption_kms|" + id);
                Tone encTone = Cell.toneOf(enc);
                if (encTone == Tone.GOOD && kms != null && kms.status() == dev.palisade.core.Status.FAIL) {
                    encTone = Tone.WARN;
                }
                rows.add(new BucketRow(b.name(), env, b.region(),
                        new Cell(text(b.encryption(), BucketsViewModel::encryption), encTone),
                        new Cell(text(b.publicAccessBlock(), BucketsViewModel::pab), Cell.toneOf(byKey.get("s3.bucket.public_access_block|" + id))),
                        verdict(byKey.get("s3.bucket.tls_only|" + id), "enforced", "not enforced"),
                        verdict(byKey.get("s3.bucket.public_policy|" + id), "private", "PUBLIC"),
                        new Cell(text(b.versioning(), v -> v), Cell.toneOf(byKey.get("s3.bucket.versioning|" + id))),
                        new Cell(text(b.logging(), BucketsViewModel::logging), Cell.toneOf(byKey.get("s3.bucket.access_logging|" + id))),
                        open.getOrDefault(id, 0)));
            }
        }
        rows.sort(Comparator.comparingInt(BucketRow::open).reversed().thenComparing(BucketRow::env).thenComparing(BucketRow::name));
        return rows;
    }

    private static <T> String text(Fact<T> f, java.util.function.Function<T, String> fmt) {
        if (f == null) {
            return "—";
        }
        if (!f.isKnown()) {
            return "unreadable";
        }
        return fmt.apply(f.value());
    }

    static String encryption(BucketEncryption e) {
        if (e == null || e.isNone()) {
            return "none";
        }
        return e.algorithm() + (e.kmsKeyId() != null ? " (" + shortKey(e.kmsKeyId()) + ")" : "");
    }

    private static String shortKey(String k) {
        int i = k.lastIndexOf('/');
        return i >= 0 ? "key/" + k.substring(i + 1, Math.min(k.length(), i + 9)) + "…" : k;
    }

    static String pab(PublicAccessBlock p) {
        if (p == null) {
            return "not set";
        }
        return p.allTrue() ? "all on" : "partial";
    }

    static String logging(BucketLogging l) {
        return l == null || !l.enabled() ? "off" : "→ " + l.targetBucket();
    }

    private static Cell verdict(Finding f, String pass, String fail) {
        if (f == null) {
            return new Cell("—", Tone.NEUTRAL);
        }
        return switch (f.status()) {
            case PASS -> new Cell(pass, Tone.GOOD);
            case FAIL -> new Cell(fail, Cell.toneOf(f));
            case MUTED -> new Cell(fail + " (muted)", Tone.MUTED);
            case ERROR -> new Cell("unknown", Tone.UNKNOWN);
        };
    }
}
