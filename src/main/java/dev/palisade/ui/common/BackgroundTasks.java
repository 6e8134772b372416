package dev.palisade.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs work off the FX thread: two named executors (store reads/writes, scans),
 * results as {@link CompletableFuture}s that callers hop back to the FX thread with
 * {@code thenAcceptAsync(..., fx)}. Shut down on exit.
 */
public final class BackgroundTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    /** A running piece of work that can be cancelled (interrupting its thread). */
    public record Job<T>(CompletableFuture<T> result, FutureTask<T> task) {
        public void cancel() {
            task.cancel(true);
            result.cancel(false);
        }
    }

    private final ExecutorService io = Executors.newFixedThreadPool(2, named("palisade-io"));
    private final ExecutorService scan = Executors.newSingleThreadExecutor(named("palisade-scan"));

    /** Store and other short I/O. */
    public <T> CompletableFuture<T> io(Callable<T> work) {
        return submit(io, work).result();
    }

    /** A scan: long, cancellable. */
    public <T> Job<T> scan(Callable<T> work) {
        return submit(scan, work);
    }

    private static <T> Job<T> submit(ExecutorService pool, Callable<T> work) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                T v = work.call();
                cf.complete(v);
                return v;
            } catch (Throwable t) {
                cf.completeExceptionally(t);
                throw t;
            }
        });
        pool.execute(task);
        return new Job<>(cf, task);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
            return t;
        };
    }

    @Override
    public void close() {
        io.shutdownNow();
        scan.shutdownNow();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
            scan.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
