package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Finding;
import dev.palisade.core.Status;
import dev.palisade.ui.shell.Screen;
import dev.palisade.ui.testkit.InMemoryWorkspace;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real shell (PalisadeApp with the in-memory workspace) headless through TestFX. */
class ShellUiTest extends FxRobot {
    private InMemoryWorkspace ws;
    private PalisadeApp app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        ws = new InMemoryWorkspace(Instant.now(), 3);
        ws.stepMillis = 300;
        app = (PalisadeApp) FxToolkit.setupApplication(() -> new PalisadeApp(() -> ws));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.viewModel() != null && app.viewModel().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void everyScreenCanBeReachedBySidebarAndByKeyboard() {
        for (Screen s : Screen.values()) {
            clickOn("#nav-" + s.name().toLowerCase());
            WaitForAsyncUtils.waitForFxEvents();
            Node n = lookup("#screen-" + s.name().toLowerCase()).query();
            assertThat(n.isVisible() && n.getScene() != null).as(s.name()).isTrue();
            assertThat(app.viewModel().screenProperty().get()).isEqualTo(s);
        }
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().screenProperty().get()).isEqualTo(Screen.BUCKETS);
        TableView<?> buckets = lookup("#bucket-table").queryAs(TableView.class);
        assertThat(buckets.getItems()).isNotEmpty();
        press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#help-overlay").query().isVisible()).isTrue();
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#help-overlay").query().isVisible()).isFalse();
    }

    @Test
    void scanNowShowsProgressThenTheNewSnapshot() throws Exception {
        String before = app.viewModel().snapshotProperty().get().id();
        clickOn("#scan-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#scan-progress").query().isVisible());
        ProgressBar bar = lookup("#scan-progress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getProgress() > 0 && bar.getProgress() < 1);
        assertThat(lookup("#cancel-scan").query().isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !app.viewModel().scanningProperty().get()
                && !before.equals(app.viewModel().snapshotProperty().get().id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().snapshotProperty().get().id()).isEqualTo("20261200-scan1");
        assertThat(app.viewModel().summaries()).hasSize(4);
        assertThat(lookup("#scan-progress").query().isVisible()).isFalse();
        assertThat(lookup("#last-scan").queryLabeled().getText()).contains("4 snapshots stored");
    }

    @Test
    void mutingAFindingFromTheSecurityIssuesScreen() throws Exception {
        clickOn("#nav-issues");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Finding> table = (TableView<Finding>) lookup("#screen-issues .findings-table").queryAs(TableView.class);
        Finding target = table.getItems().stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
        interact(() -> table.getSelectionModel().select(target));
        clickOn("#mute-button");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#mute-note").write("Risk accepted until the proxy lands");
        clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().snapshotProperty().get().findings().stream()
                .anyMatch(f -> f.key().equals(target.key()) && f.status() == Status.MUTED));
        assertThat(ws.triage().allTriage().get(target.check() + "|" + target.resource().id()).note())
                .isEqualTo("Risk accepted until the proxy lands");
        assertThat(ws.audit().entries()).anyMatch(e -> e.action().equals("triage.mute"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#screen-issues #detail-triage").queryLabeled().getText()).contains("Muted until").contains("Risk accepted");
    }

    @Test
    void themeToggleSwitchesBetweenPrimerLightAndDark() {
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().darkProperty().get()).isTrue();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void anOlderSnapshotOpensReadOnlyAndScanIsDisabledUntilBackToLatest() throws Exception {
        clickOn("#nav-snapshots");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> list = lookup("#snapshot-table").queryAs(TableView.class);
        interact(() -> list.getSelectionModel().select(2));
        clickOn("#open-snapshot");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !app.viewModel().viewingLatestBinding().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#scan-button").query().isDisabled()).isTrue();
        assertThat(lookup("#viewing").queryLabeled().getText()).contains("read-only");
        clickOn("#header-back");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().viewingLatestBinding().get());
    }

    @Test
    void anEmptyStoreSaysToRunTheFirstScan() throws Exception {
        FxToolkit.cleanupApplication(app);
        InMemoryWorkspace empty = new InMemoryWorkspace(Instant.now(), 0);
        empty.stepMillis = 10;
        app = (PalisadeApp) FxToolkit.setupApplication(() -> new PalisadeApp(() -> empty));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel() != null && !app.viewModel().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("Run your first scan");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#overview-counters").tryQuery()).isPresent();
    }
}
