package dev.palisade.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing and reading back a snapshot with 10,000 findings (target ≤ 300 ms each). Run with
 * {@code mvn -Pbench verify}; prints the median of 7 runs after 3 warm-ups. Figures, not assertions.
 */
@Tag("benchmark")
class StoreBenchmark {
    @TempDir
    Path dir;

    @Test
    void saveAndLoadTenThousandFindings() {
        run("plain codec", PayloadCodec.PLAIN, "plain.db");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        run("AES-256-GCM codec", new dev.palisade.auth.AesGcmPayloadCodec(key), "sealed.db");
    }

    private void run(String label, PayloadCodec codec, String file) {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        try (SqliteStore store = SqliteStore.open(dir.resolve(file), codec)) {
            long[] save = new long[10];
            long[] load = new long[10];
            long[] list = new long[10];
            for (int i = 0; i < 10; i++) {
                Snapshot s = StoreFixtures.snapshot("bench-" + i, t0.plusSeconds(i), 10_000);
                long a = System.nanoTime();
                store.save(s);
                long b = System.nanoTime();
                Snapshot back = store.load(s.id()).orElseThrow();
                long c = System.nanoTime();
                store.list();
                long d = System.nanoTime();
                assertThat(back.findings()).hasSize(10_000);
                save[i] = b - a;
                load[i] = c - b;
                list[i] = d - c;
            }
            System.out.printf("StoreBenchmark 10k findings (" + label + "): save median %.1f ms, load median %.1f ms,"
                    + " list of 10 snapshots %.2f ms%n", median(save), median(load), median(list));
        }
    }

    private static double median(long[] all) {
        long[] measured = java.util.Arrays.copyOfRange(all, 3, all.length);
        java.util.Arrays.sort(measured);
        return measured[measured.length / 2] / 1e6;
    }
}
