package dev.palisade.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an idle console small. Starting JavaFX and opening a snapshot leaves a heap several times
 * larger than what stays alive; a desktop app left open all week should give that back. Once the
 * console is painted this tightens the JVM's free-heap ratios (both are manageable flags, so no
 * launch option is needed), collects once, and on G1 asks for a periodic collection while idle, so
 * the garbage of a scan is returned too. On a JVM without these flags it does nothing.
 */
final class IdleHeap {
    private static final Logger LOG = LoggerFactory.getLogger(IdleHeap.class);
    /** An idle console collects at most this often (G1 only; skipped while it is busy anyway). */
    static final long PERIODIC_GC_MILLIS = 30_000;
    /** How long after the first collection the second one runs. */
    static final long SECOND_COLLECTION_DELAY_MS = 2_000;

    private IdleHeap() {
    }

    /** Runs on a background thread; blocks for one full collection (tens of milliseconds), and schedules a second. */
    static void settle() {
        long before = Runtime.getRuntime().totalMemory();
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", "10"); // first: Max must stay >= Min
            vm.setVMOption("MaxHeapFreeRatio", "30");
            if ("true".equals(vm.getVMOption("UseG1GC").getValue())) {
                vm.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MILLIS));
            }
        } catch (RuntimeException | LinkageError e) { // another JVM, or flags it does not have
            LOG.debug("Heap ratios left at the JVM's defaults: {}", e.toString());
            return;
        }
        System.gc();
        LOG.info("Heap settled after start: {} MB committed, was {} MB", Runtime.getRuntime().totalMemory() >> 20, before >> 20);
        // The first paint is followed by more start-up work (the Overview's diff against the previous scan,
        // the deferred parts of the screens); collecting once more when it is done returns that garbage
        // too (measured: a first launch's RSS 5 s after the paint went from 274-310 MB to 248-259 MB).
        java.util.concurrent.CompletableFuture.delayedExecutor(SECOND_COLLECTION_DELAY_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> {
                    System.gc();
                    LOG.debug("Heap after the second collection: {} MB committed", Runtime.getRuntime().totalMemory() >> 20);
                });
    }
}
