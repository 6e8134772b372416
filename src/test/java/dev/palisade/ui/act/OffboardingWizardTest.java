package dev.palisade.ui.act;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.act.ActFixtureAccess;
import dev.palisade.act.Offboarding;
import dev.palisade.core.action.RunState;
import dev.palisade.scan.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The offboarding wizard driven like a founder would: preview the plan, fail to run without the
 * typed email, type it and the action tokens, run, and see the verified result — against the IAM,
 * Directory and GitHub wire servers, with the real store and journal.
 */
class OffboardingWizardTest extends FxRobot {
    @TempDir
    Path home;
    ActFixtureAccess.Setup setup;
    OffboardingViewModel vm;
    /** The console's sign-in as the wizard sees it: signed in, and granting one-run tokens when asked. */
    final java.util.List<java.util.List<String>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    final dev.palisade.ui.SessionGate signedIn = new dev.palisade.ui.SessionGate() {
        @Override
        public java.util.Optional<String> signedInEmail() {
            return java.util.Optional.of("founder@acme.example");
        }

        @Override
        public java.util.concurrent.CompletableFuture<String> signIn() {
            return java.util.concurrent.CompletableFuture.completedFuture("founder@acme.example");
        }

        @Override
        public void signOut() {
        }

        @Override
        public java.util.concurrent.CompletableFuture<char[]> actionToken(java.util.List<String> scopes) {
            asked.add(scopes);
            return java.util.concurrent.CompletableFuture.supplyAsync(ActFixtureAccess.TOKEN::toCharArray);
        }
    };

    @BeforeEach
    void start() throws Exception {
        setup = ActFixtureAccess.setUp(home);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        Offboarding offboarding = new Offboarding(setup.workspace(), setup.workspace().actions(), setup.clients(),
                "founder@acme.example", clock);
        vm = new OffboardingViewModel(offboarding, ActFixtureAccess.EMAIL, Executors.newSingleThreadExecutor(),
                javafx.application.Platform::runLater);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new OffboardingWizard(vm, signedIn), 1100, 720));
            s.show();
        });
        javafx.application.Platform.runLater(vm::loadPlan);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == OffboardingViewModel.Phase.PREVIEW);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage).isNotNull();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        setup.close();
    }

    @Test
    void previewThenTypedConfirmationThenVerifiedResult() throws Exception {
        TableView<?> steps = lookup("#plan-steps").queryAs(TableView.class);
        assertThat(steps.getItems()).hasSize(vm.planProperty().get().steps().size()).hasSizeGreaterThan(15);
        Button run = lookup("#run-plan").queryButton();
        assertThat(run.isDisabled()).isTrue();

        clickOn("#confirm-email").write("someone@acme.example");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.isDisabled()).as("a wrong email does not unlock the run").isTrue();
        lookup("#confirm-email").queryTextInputControl().clear();
        clickOn("#confirm-email").write(ActFixtureAccess.EMAIL);
        // the Workspace token comes from the signed-in admin's one-run grant; the GitHub one is pasted
        clickOn("#workspace-token-google");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !lookup("#workspace-token").queryTextInputControl().getText().isEmpty());
        assertThat(asked).containsExactly(dev.palisade.auth.GoogleSignIn.OFFBOARDING_SCOPES);
        assertThat(lookup("#workspace-token-granted").queryAs(Label.class).getText())
                .isEqualTo("Granted by founder@acme.example for this run; not stored.");
        clickOn("#github-token").write(ActFixtureAccess.TOKEN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.isDisabled()).isFalse();

        clickOn("#run-plan");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == OffboardingViewModel.Phase.DONE
                || vm.phaseProperty().get() == OffboardingViewModel.Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageProperty().get()).startsWith("Verified");
        assertThat(vm.runProperty().get().state()).isEqualTo(RunState.COMPLETED);
        Label verification = lookup("#verification").queryAs(Label.class);
        assertThat(verification.getText()).contains("Verified clean");
        assertThat(steps.getItems()).allSatisfy(r -> assertThat(((OffboardingViewModel.StepRow) r).stateProperty().get())
                .isIn("DONE", "SKIPPED"));
        assertThat(lookup("#workspace-token").queryTextInputControl().getText()).isEmpty();

        String shots = System.getProperty("palisade.screenshots");
        if (shots != null) { // mvn test -Dtest=OffboardingWizardTest -Dpalisade.screenshots=assets/screenshots
            javafx.scene.Scene scene = lookup("#plan-steps").query().getScene();
            javafx.application.Platform.runLater(() -> {
                dev.palisade.ui.PalisadeApp.applyTheme(false);
                scene.getStylesheets().add(dev.palisade.ui.PalisadeApp.STYLESHEET);
            });
            WaitForAsyncUtils.waitForFxEvents();
            dev.palisade.ui.ScreenshotTool.snap(scene, Path.of(shots).resolve("offboarding.png"));
        }

        Path html = vm.exportRecord(home.resolve("records"));
        assertThat(Files.readString(html)).contains("Verified clean", "dana@acme.example", "iam:DeleteLoginProfile");
        assertThat(setup.workspace().audit().entries()).extracting(e -> e.action())
                .contains("offboard.plan", "offboard.step", "offboard.verify");
        assertThat(setup.workspace().audit().firstBroken()).isEmpty();
    }
}
