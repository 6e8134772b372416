package dev.palisade.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.ui.testkit.SampleCompany;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {
    private final List<Finding> all = SampleCompany.findings(false, 0);

    @Test
    void showsOnlyOpenFindingsOfItsScopeByDefault() {
        FindingsViewModel vm = new FindingsViewModel(FindingsViewModel.checks("s3."));
        vm.setFindings(all);
        assertThat(vm.all()).allMatch(f -> f.check().startsWith("s3."));
        assertThat(vm.shown()).isNotEmpty().allMatch(Finding::isOpen);
        assertThat(vm.shown().size()).isLessThan(vm.all().size());
    }

    @Test
    void filtersByMinimumSeverityEnvironmentAndText() {
        FindingsViewModel vm = new FindingsViewModel(f -> true);
        vm.setFindings(all);
        vm.minSeverityProperty().set(Severity.HIGH);
        assertThat(vm.shown()).isNotEmpty().allMatch(f -> f.severity().atLeast(Severity.HIGH));
        vm.minSeverityProperty().set(null);
        vm.envProperty().set("staging");
        assertThat(vm.shown()).isNotEmpty().allMatch(f -> "staging".equals(f.env()));
        vm.envProperty().set(FindingsViewModel.ANY_ENV);
        vm.textProperty().set("ACME-PROD-LOGS");
        assertThat(vm.shown()).isNotEmpty().allMatch(f -> f.resource().name().equals("acme-prod-logs"));
        vm.statusProperty().set(FindingsViewModel.StatusFilter.PASS);
        assertThat(vm.shown()).isEmpty();
        vm.statusProperty().set(FindingsViewModel.StatusFilter.ALL);
        vm.textProperty().set("");
        assertThat(vm.shown()).hasSameSizeAs(all);
    }

    @Test
    void offersTheEnvironmentsPresentAndKeepsTheSelectionAcrossUpdates() {
        FindingsViewModel vm = new FindingsViewModel(f -> true);
        vm.setFindings(all);
        assertThat(vm.envs()).containsExactly(FindingsViewModel.ANY_ENV, "demo", "prod", "staging");
        Finding bob = vm.all().stream().filter(f -> f.check().equals("iam.user.console_mfa")).findFirst().orElseThrow();
        vm.selectedProperty().set(bob);
        vm.setFindings(SampleCompany.findings(true, 0));
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.selectedProperty().get().status()).isEqualTo(Status.PASS);
        assertThat(vm.envProperty().get()).isEqualTo(FindingsViewModel.ANY_ENV);
    }
}
