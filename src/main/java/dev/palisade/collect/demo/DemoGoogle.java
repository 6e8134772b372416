package dev.palisade.collect.demo;

import dev.palisade.core.Fact;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo company's Google Workspace directory. */
final class DemoGoogle {
    static final String DOMAIN = "acme.example";

    private DemoGoogle() {
    }

    static WorkspaceDirectory directory(Moment m) {
        List<WorkspaceUser> u = new ArrayList<>();
        // 2-step verification was rolled out team by team in weeks 1-3; Ana (new) and Leo still have not enrolled.
        // Until week 3 five people were super admins "to be safe"; then cut to the founders (plus Tom until he left).
        // When Tom left in week 5, Julia, Lisa and Sam were made super admins again to cover his duties: five again.
        boolean tomLeft = m.from(5);
        boolean manyAdmins = m.before(3) || tomLeft;
        u.add(user("maya.chen", "Maya Chen", false, true, true, m.ago(0.1), m.ago(1400)));
        u.add(user("leo.park", "Leo Park", false, true, false, m.ago(1), m.ago(1380)));
        u.add(user("dana.ortiz", "Dana Ortiz", false, false, m.from(1), m.ago(0.5), m.ago(900)));
        u.add(user("sam.rivera", "Sam Rivera", false, tomLeft, m.from(2), m.ago(1), m.ago(700)));
        u.add(user("priya.nair", "Priya Nair", false, false, m.from(1), m.ago(2), m.ago(520)));
        u.add(user("ken.sato", "Ken Sato", false, false, m.from(3), m.ago(3), m.ago(610)));
        u.add(user("ana.silva", "Ana Silva", false, false, false, m.ago(1), m.ago(200)));
        u.add(user("omar.haddad", "Omar Haddad", false, false, true, m.ago(130), m.ago(800)));
        u.add(user("julia.meyer", "Julia Meyer", false, manyAdmins, true, m.ago(2), m.ago(760)));
        u.add(user("lisa.wong", "Lisa Wong", false, manyAdmins, true, m.ago(4), m.ago(450)));
        u.add(user("tom.becker", "Tom Becker", tomLeft, !tomLeft, true,
                tomLeft ? m.ago(7.0 * (m.stage() - 5) + 6) : m.ago(1), m.ago(980)));
        u.add(user("nina.kowalski", "Nina Kowalski", true, false, true, m.ago(160), m.ago(1100)));
        return new WorkspaceDirectory(DOMAIN, Fact.known(u));
    }

    private static WorkspaceUser user(String local, String name, boolean suspended, boolean admin, boolean twoSv,
                                      Instant lastLogin, Instant created) {
        return new WorkspaceUser(local + "@" + DOMAIN, name, suspended, false, admin, false, twoSv, false, lastLogin,
                created, List.of());
    }
}
