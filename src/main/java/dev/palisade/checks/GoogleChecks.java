package dev.palisade.checks;

import dev.palisade.core.check.Check;
import java.util.List;

/** The Google Workspace checks of SPEC.md's catalogue, in catalogue order. */
public final class GoogleChecks {
    private GoogleChecks() {
    }

    public static List<Check> all() {
        return List.of(new WorkspaceTwoStepCheck(), new WorkspaceSuperAdminCountCheck(), new WorkspaceInactiveUserCheck());
    }
}
