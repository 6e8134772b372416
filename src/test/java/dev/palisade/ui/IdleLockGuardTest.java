package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.auth.AuthEvent;
import dev.palisade.auth.IdleLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The console covers itself after the idle period and opens again only after a fresh sign-in. */
class IdleLockGuardTest extends FxRobot {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger signIns = new AtomicInteger();
    final AtomicReference<CompletableFuture<String>> nextSignIn = new AtomicReference<>();
    IdleLock lock;

    @BeforeEach
    void start() throws Exception {
        lock = new IdleLock(Duration.ofMinutes(15), clock, events::add);
        lock.setActor("founder@acme.example");
        SessionGate gate = new SessionGate() {
            @Override
            public Optional<String> signedInEmail() {
                return Optional.of("founder@acme.example");
            }

            @Override
            public CompletableFuture<String> signIn() {
                signIns.incrementAndGet();
                return nextSignIn.get();
            }

            @Override
            public void signOut() {
            }
        };
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Label secret = new Label("acme-prod-uploads is public");
            secret.setId("dashboard");
            Scene scene = new Scene(secret, 600, 400);
            IdleLockGuard.install(scene, lock, gate);
            s.setScene(scene);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void locksWhenIdleAndUnlocksOnlyAfterASuccessfulSignIn() throws Exception {
        assertThat(lookup("#lock-screen").query().isVisible()).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(10)));
        Platform.runLater(lock::poll);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#lock-screen").query().isVisible()).as("not idle long enough").isFalse();

        now.set(now.get().plus(Duration.ofMinutes(6)));
        Platform.runLater(lock::poll);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#lock-screen").query().isVisible());
        assertThat(lock.isLocked()).isTrue();
        assertThat(events).extracting(AuthEvent::type).contains(AuthEvent.Type.LOCK);

        nextSignIn.set(CompletableFuture.failedFuture(new IllegalStateException("email is not in google.admins")));
        clickOn("#unlock-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lookup("#lock-screen").query().isVisible()).isTrue();
        assertThat(lookup(".label").queryAllAs(Label.class)).anyMatch(l -> l.getText().contains("not in google.admins"));

        nextSignIn.set(CompletableFuture.completedFuture("founder@acme.example"));
        clickOn("#unlock-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !lookup("#lock-screen").query().isVisible());
        assertThat(lock.isLocked()).isFalse();
        assertThat(signIns).hasValue(2);
    }
}
