package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.util.List;

/** {@code gws.super_admin.count}: the domain has 2 to 4 active super admins (SPEC.md's catalogue range). */
public final class WorkspaceSuperAdminCountCheck extends WorkspaceCheck {
    /** Google's guidance and SPEC.md: at least two (one can be locked out), few enough to watch. */
    static final int MIN = 2;
    static final int MAX = 4;

    public WorkspaceSuperAdminCountCheck() {
        super("gws.super_admin.count", "Two to four Workspace super admins", Severity.MEDIUM,
                "One super admin is a single point of failure (a lost phone locks the company out); many super admins "
                        + "multiply the accounts that can take over every mailbox.",
                "Keep two to four super admins with 2-step verification (security keys where possible); give everyone "
                        + "else a narrower admin role in Admin console → Account → Admin roles.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, WorkspaceDirectory dir, List<WorkspaceUser> users) {
        List<String> supers = users.stream().filter(WorkspaceUser::active).filter(WorkspaceUser::admin)
                .map(WorkspaceUser::email).sorted().toList();
        Resource r = Resources.workspaceDomain(dir.domain() == null ? "Google Workspace" : dir.domain());
        String list = supers.isEmpty() ? "none" : String.join(", ", supers);
        String msg = r.name() + " has " + supers.size() + " active super admin" + (supers.size() == 1 ? "" : "s")
                + " (" + list + ")";
        if (supers.size() < MIN) {
            return List.of(fail(null, r, msg + "; keep at least " + MIN + " so one lost account cannot lock the company out"));
        }
        if (supers.size() > MAX) {
            return List.of(fail(null, r, msg + "; keep at most " + MAX));
        }
        return List.of(pass(null, r, msg + ", within " + MIN + " to " + MAX));
    }
}
