package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleLockTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    final List<AuthEvent> events = new ArrayList<>();
    final IdleLock lock = new IdleLock(Duration.ofMinutes(15), clock, events::add);

    @Test
    void staysOpenWhileThePersonIsActive() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(10));
            lock.touch();
            assertThat(lock.poll()).isFalse();
        }
        assertThat(lock.remaining()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void locksAfterTheIdlePeriodOnceAndRecordsIt() {
        AtomicInteger fired = new AtomicInteger();
        lock.onLock(fired::incrementAndGet);
        lock.setActor("founder@acme.example");
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(lock.poll()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lock.poll()).isTrue();
        assertThat(lock.poll()).isTrue();
        assertThat(fired).hasValue(1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuthEvent.Type.LOCK);
            assertThat(e.actor()).isEqualTo("founder@acme.example");
            assertThat(e.detail()).contains("15 minutes");
        });
    }

    @Test
    void activityWhileLockedDoesNotUnlockOnlySignInDoes() {
        clock.advance(Duration.ofMinutes(20));
        assertThat(lock.poll()).isTrue();
        lock.touch();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.remaining()).isZero();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.poll()).isFalse();
        assertThat(lock.remaining()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void manualLock() {
        lock.lock();
        lock.lock();
        assertThat(lock.isLocked()).isTrue();
        assertThat(events).hasSize(1);
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> new IdleLock(Duration.ZERO, clock, AuthEventSink.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionExpiresAtItsLimit() {
        Session s = new Session("a@acme.example", "sub", clock.instant(), clock.instant().plus(Duration.ofHours(12)));
        assertThat(s.isExpired(clock.instant().plus(Duration.ofHours(11)))).isFalse();
        assertThat(s.isExpired(clock.instant().plus(Duration.ofHours(12)))).isTrue();
    }
}
