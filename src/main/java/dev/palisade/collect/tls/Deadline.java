package dev.palisade.collect.tls;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An endpoint's hard deadline. Socket timeouts bound one read each, so a server that trickles a byte
 * at a time would never trip them; {@link #guard} therefore closes the socket when the deadline
 * passes, which unblocks any connect, handshake or read in progress.
 */
final class Deadline {
    private final long deadlineNanos;
    private final long totalMillis;

    Deadline(long totalMillis) {
        this.totalMillis = totalMillis;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(totalMillis);
    }

    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    boolean expired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    /** "5 s" or "1.5 s", for messages. */
    String describe() {
        return totalMillis % 1000 == 0 ? totalMillis / 1000 + " s" : totalMillis / 1000.0 + " s";
    }

    /** Sets the read timeout to what is left; throws a timeout when nothing is. */
    void applyTo(Socket socket) throws SocketException, java.net.SocketTimeoutException {
        long left = remainingMillis();
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    Guard guard(Closeable resource, ScheduledExecutorService watchdog) {
        return new Guard(resource, watchdog);
    }

    /** Closes its resource at the deadline unless released first. */
    final class Guard implements AutoCloseable {
        private final AtomicBoolean fired = new AtomicBoolean();
        private final ScheduledFuture<?> task;

        private Guard(Closeable resource, ScheduledExecutorService watchdog) {
            task = watchdog.schedule(() -> {
                fired.set(true);
                try {
                    resource.close();
                } catch (IOException ignored) {
                    // closing is all we can do
                }
            }, Math.max(1, remainingMillis()), TimeUnit.MILLISECONDS);
        }

        /** True when the deadline closed the resource. */
        boolean fired() {
            return fired.get() || expired();
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }
}
