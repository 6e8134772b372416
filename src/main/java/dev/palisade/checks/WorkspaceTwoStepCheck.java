package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.util.ArrayList;
import java.util.List;

/** {@code gws.user.2sv}: every active Workspace user is enrolled in 2-step verification; CRITICAL for admins. */
public final class WorkspaceTwoStepCheck extends WorkspaceCheck {
    public WorkspaceTwoStepCheck() {
        super("gws.user.2sv", "Workspace users use 2-step verification", Severity.HIGH,
                "A Google account without 2-step verification falls to one phished or reused password, and with it "
                        + "mail, documents and every app that signs in with Google.",
                "Ask the user to turn on 2-step verification (myaccount.google.com → Security), then enforce it: "
                        + "Admin console → Security → Authentication → 2-step verification → Enforcement: On.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, WorkspaceDirectory dir, List<WorkspaceUser> users) {
        List<Finding> out = new ArrayList<>();
        for (WorkspaceUser u : users) {
            if (!u.active()) {
                continue;
            }
            Resource r = Resources.workspaceUser(u.email());
            boolean admin = u.admin() || u.delegatedAdmin();
            String who = (u.admin() ? "Super admin " : u.delegatedAdmin() ? "Delegated admin " : "User ") + u.email();
            if (u.enrolledIn2Sv() == null) {
                out.add(error(null, r, "The directory did not report whether " + u.email()
                        + " is enrolled in 2-step verification"));
            } else if (u.enrolledIn2Sv()) {
                out.add(pass(null, r, who + " is enrolled in 2-step verification"));
            } else {
                out.add(fail(null, r, admin ? Severity.CRITICAL : metadata().severity(),
                        who + " is not enrolled in 2-step verification"
                                + (Boolean.TRUE.equals(u.enforcedIn2Sv()) ? " although it is enforced (still in the enrolment period)" : "")));
            }
        }
        return out;
    }
}
