package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.util.List;

/**
 * Base of the {@code gws.*} checks: nothing when the Google source was not scanned, one ERROR on the
 * domain when the directory could not be read, else {@link #evaluate(CheckContext, WorkspaceDirectory, List)}.
 */
abstract class WorkspaceCheck extends AbstractCheck {
    WorkspaceCheck(String id, String title, Severity severity, String rationale, String remediation) {
        super(id, title, Area.ACCESS, "google", severity, rationale, remediation);
    }

    @Override
    public final List<Finding> evaluate(CheckContext ctx) {
        WorkspaceDirectory dir = ctx.inventory().google();
        if (dir == null) {
            return List.of();
        }
        String domain = dir.domain() == null ? "Google Workspace" : dir.domain();
        if (dir.users() == null || !dir.users().isKnown()) {
            String why = dir.users() == null ? "the directory was not read" : dir.users().error();
            return List.of(error(null, Resources.workspaceDomain(domain),
                    "The Workspace directory of " + domain + " could not be read: " + why));
        }
        List<WorkspaceUser> users = dir.users().value() == null ? List.of() : dir.users().value();
        return evaluate(ctx, dir, users);
    }

    protected abstract List<Finding> evaluate(CheckContext ctx, WorkspaceDirectory dir, List<WorkspaceUser> users);
}
