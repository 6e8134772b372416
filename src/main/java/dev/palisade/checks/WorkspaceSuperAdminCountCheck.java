package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.util.List;

/**
 * {@code gws.super_admin.count}: the domain has 2 to 4 active super admins (SPEC.md's catalogue range).
 * The range guards against two different failures with different fixes, so each bound is judged on
 * its own finding: "at least 2" (one lost account must not lock the company out) and "at most 4"
 * (every super admin can take over every mailbox). A domain with 5 super admins thus shows a PASS for
 * the first and a FAIL for the second, and says which change is needed.
 */
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

    /** The resource of one bound of the range on {@code domain}: {@code DOMAIN#super-admins-min} or {@code -max}. */
    static Resource bound(String domain, boolean min) {
        return new Resource("gws.domain", domain + (min ? "#super-admins-min" : "#super-admins-max"),
                domain + (min ? " — at least " + MIN + " super admins" : " — at most " + MAX + " super admins"));
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, WorkspaceDirectory dir, List<WorkspaceUser> users) {
        List<String> supers = users.stream().filter(WorkspaceUser::active).filter(WorkspaceUser::admin)
                .map(WorkspaceUser::email).sorted().toList();
        String domain = dir.domain() == null ? "Google Workspace" : dir.domain();
        String list = supers.isEmpty() ? "none" : String.join(", ", supers);
        String msg = domain + " has " + supers.size() + " active super admin" + (supers.size() == 1 ? "" : "s") + " (" + list + ")";
        Resource low = bound(domain, true);
        Resource high = bound(domain, false);
        return List.of(
                supers.size() < MIN
                        ? fail(null, low, msg + "; keep at least " + MIN + " so one lost account cannot lock the company out")
                        : pass(null, low, msg + ": at least " + MIN + ", so one lost account cannot lock the company out"),
                supers.size() > MAX
                        ? fail(null, high, msg + "; keep at most " + MAX + ": each of them can take over every mailbox")
                        : pass(null, high, msg + ": no more than " + MAX));
    }
}
