package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.ui.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The console on the real demo workspace (LocalWorkspace + SQLite + the check catalogue), as the launcher opens it. */
class DemoConsoleTest extends FxRobot {
    @TempDir
    Path home;
    private PalisadeApp app;
    private String previousHome;

    @BeforeEach
    void start() throws Exception {
        previousHome = System.getProperty("palisade.home");
        System.setProperty("palisade.home", home.toString());
        FxToolkit.registerPrimaryStage();
        // as the launcher opens it: the composition root, with the store sealed under the home's key
        app = (PalisadeApp) FxToolkit.setupApplication(() -> new PalisadeApp(() -> openAsTheLauncherDoes(home, false)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.viewModel() != null && app.viewModel().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The console's workspace for {@code home} through the composition root, with the store sealed under the home's key. */
    static dev.palisade.scan.Workspace openAsTheLauncherDoes(Path home, boolean demo) {
        try {
            return dev.palisade.Workspaces.openConsole(home, demo, java.time.Clock.systemUTC(), "local:test",
                    java.util.Map.of("PALISADE_PASSPHRASE", "demo console passphrase"), dev.palisade.auth.PassphrasePrompt.NONE,
                    uri -> {
                        throw new AssertionError("the demo must not open a browser");
                    }).workspace();
        } catch (dev.palisade.core.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (previousHome == null) {
            System.clearProperty("palisade.home");
        } else {
            System.setProperty("palisade.home", previousHome);
        }
    }

    @Test
    void withoutAConfigurationTheConsoleOpensTheDemoWithItsHistory() {
        assertThat(app.viewModel().workspace().isDemo()).isTrue();
        assertThat(Files.exists(home.resolve("demo"))).isTrue();
        assertThat(app.viewModel().titleProperty().get()).contains(app.viewModel().workspace().organization());
        assertThat(app.viewModel().summaries()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(app.viewModel().snapshotProperty().get().findings()).isNotEmpty();
        for (Screen s : Screen.values()) {
            interact(() -> app.viewModel().screenProperty().set(s));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(lookup("#screen-" + s.name().toLowerCase()).tryQuery()).as(s.name()).isPresent();
        }
        interact(() -> app.viewModel().screenProperty().set(Screen.BUCKETS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#bucket-table").queryAs(TableView.class).getItems()).isNotEmpty();
    }

    @Test
    void offboardingOnTheDemoIsRefusedInTheErrorBanner() throws Exception {
        clickOn("#nav-access");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> people = lookup("#people-table").queryAs(TableView.class);
        assertThat(people.getItems()).isNotEmpty();
        interact(() -> people.getSelectionModel().select(0));
        clickOn("#offboard-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#error-banner").query().isVisible());
        assertThat(lookup("#error-message").queryLabeled().getText()).contains("demo workspace is sample data");
    }
}
