package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.collect.demo.DemoWorkspace;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo console is built before its store is open (the key derivation takes most of a second):
 * while it opens, the screens say so rather than "no snapshots yet"; once it is open they show the
 * demo; and a store that cannot be opened still ends in the recovery screen.
 */
class EarlyDemoConsoleTest extends FxRobot {
    @TempDir
    Path home;
    private PalisadeApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theConsoleIsThereWhileTheStoreOpensAndShowsTheDemoOnceItIs() throws Exception {
        CountDownLatch keyDerived = new CountDownLatch(1);
        FxToolkit.registerPrimaryStage();
        app = (PalisadeApp) FxToolkit.setupApplication(() -> new PalisadeApp(() -> {
            try {
                keyDerived.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DemoConsoleTest.openAsTheLauncherDoes(home, true);
        }, DemoWorkspace.ORGANIZATION));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#opening-snapshot").tryQuery().isPresent());
        assertThat(lookup("#org-name").queryAs(Label.class).getText()).isEqualTo(DemoWorkspace.ORGANIZATION);
        assertThat(lookup(".empty-state").tryQuery()).as("not 'no snapshots yet' while the store opens").isEmpty();
        assertThat(app.viewModel().snapshotProperty().get()).isNull();
        assertThat(lookup("#viewing").queryAs(Label.class).getText()).isEqualTo("opening…");
        assertThat(lookup("#last-scan").queryAs(Label.class).getText()).isEqualTo("Opening the stored snapshots…");

        keyDerived.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.viewModel().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#opening-snapshot").tryQuery()).isEmpty();
        assertThat(lookup("#trend-chart").tryQuery()).isPresent();
        assertThat(app.viewModel().workspace().isDemo()).isTrue();
        assertThat(app.viewModel().summaries()).hasSize(DemoWorkspace.HISTORY_WEEKS + 1);
    }

    @Test
    void aStoreThatCannotBeOpenedStillEndsInTheRecoveryScreen() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (PalisadeApp) FxToolkit.setupApplication(() -> new PalisadeApp(() -> {
            throw new dev.palisade.auth.PassphraseUnavailableException("No OS keychain and no passphrase.");
        }, DemoWorkspace.ORGANIZATION));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#recovery").tryQuery().isPresent());
        assertThat(lookup("#recovery").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(Label.class,
                        l -> assertThat(l.getText()).contains("No OS keychain and no passphrase.")));
    }
}
