package dev.palisade.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Locks the console after a period without activity ({@code google.idleLockMinutes}, default 15).
 * The UI calls {@link #touch()} on input and {@link #poll()} on a timer; once locked it stays locked
 * until {@link #unlock()} after a fresh sign-in. Thread-safe.
 */
public final class IdleLock {
    private final Duration idle;
    private final Clock clock;
    private final AuthEventSink events;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Instant lastActivity;
    private boolean locked;
    private String actor = "unknown";

    public IdleLock(Duration idle, Clock clock, AuthEventSink events) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle period must be positive");
        }
        this.idle = idle;
        this.clock = clock;
        this.events = events;
        this.lastActivity = clock.instant();
    }

    /** Who is signed in, for the audit entry of a lock. */
    public synchronized void setActor(String email) {
        this.actor = email == null ? "unknown" : email;
    }

    /** The person did something; ignored while locked (only a sign-in unlocks). */
    public synchronized void touch() {
        if (!locked) {
            lastActivity = clock.instant();
        }
    }

    /** Locks if the idle period has passed; returns whether the console is locked now. */
    public boolean poll() {
        boolean fire;
        synchronized (this) {
            if (locked) {
                return true;
            }
            if (clock.instant().isBefore(lastActivity.plus(idle))) {
                return false;
            }
            fire = true;
            locked = true;
        }
        if (fire) {
            events.record(new AuthEvent(clock.instant(), AuthEvent.Type.LOCK, actor, "locked",
                    "idle for " + idle.toMinutes() + " minutes"));
            listeners.forEach(Runnable::run);
        }
        return true;
    }

    /** Locks now (the person chose "Lock"). */
    public void lock() {
        synchronized (this) {
            if (locked) {
                return;
            }
            locked = true;
        }
        events.record(new AuthEvent(clock.instant(), AuthEvent.Type.LOCK, actor, "locked", "locked by the user"));
        listeners.forEach(Runnable::run);
    }

    public synchronized boolean isLocked() {
        return locked;
    }

    /** After a successful sign-in. */
    public synchronized void unlock() {
        locked = false;
        lastActivity = clock.instant();
    }

    /** Time until the lock, zero when locked. */
    public synchronized Duration remaining() {
        if (locked) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(clock.instant(), lastActivity.plus(idle));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Called (on the polling thread) when the console locks. */
    public void onLock(Runnable listener) {
        listeners.add(listener);
    }
}
