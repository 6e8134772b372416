package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code env.prod_access}: per production environment, the people holding IAM credentials there
 * (a console password or an active access key) are no more than {@code maxProdPeople}. A user whose
 * credentials could not be read counts as "maybe": FAIL when the certain holders already exceed the
 * limit, PASS only when even counting every maybe stays within it, else ERROR. Accounts linked to
 * nobody are listed but not counted as people (access.account.unowned reports them).
 */
public final class ProdAccessCheck extends AbstractCheck {
    public ProdAccessCheck() {
        super("env.prod_access", "Few people hold production credentials", Area.ENVIRONMENTS, "aws", Severity.HIGH,
                "Every person with production credentials is a way in for an attacker and a way to break production by mistake; "
                        + "small companies stay safe by keeping that circle small.",
                "Remove console passwords and access keys from people who do not operate production (IAM → Users), give occasional "
                        + "access through a role assumed on demand, or raise thresholds.maxProdPeople if the team really needs it.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Identities ids = null;
        int limit = ctx.thresholds().maxProdPeople();
        for (AwsEnvironment env : ctx.inventory().aws()) {
            if (!env.production()) {
                continue;
            }
            Resource r = Resources.environment(env.env());
            Fact<List<IamUser>> users = usersOf(ctx, env);
            if (!users.isKnown()) {
                out.add(error(env.env(), r, "The IAM users of production environment " + env.env() + " could not be listed ("
                        + AwsScope.reason(users.error()) + "), so who holds production credentials is unknown."));
                continue;
            }
            if (ids == null) {
                ids = AwsScope.identities(ctx);
            }
            Map<String, String> owner = new HashMap<>();
            for (Person p : ids.people()) {
                for (AccountRef a : p.accounts()) {
                    if ("aws".equals(a.system())) {
                        owner.put(a.id(), p.email());
                    }
                }
            }
            TreeSet<String> holders = new TreeSet<>();
            TreeSet<String> maybe = new TreeSet<>();
            TreeSet<String> unowned = new TreeSet<>();
            for (IamUser u : users.value()) {
                Boolean holds = holdsCredentials(u);
                if (Boolean.FALSE.equals(holds)) {
                    continue;
                }
                String person = owner.get(u.arn());
                if (person == null) {
                    unowned.add(u.name());
                } else if (holds == null) {
                    maybe.add(person);
                } else {
                    holders.add(person);
                }
            }
            maybe.removeAll(holders);
            String unownedNote = unowned.isEmpty() ? "" : ", plus " + unowned.size() + " account" + (unowned.size() == 1 ? "" : "s")
                    + " linked to nobody (" + String.join(", ", unowned) + ")";
            if (holders.size() > limit) {
                out.add(fail(env.env(), r, holders.size() + " people hold credentials in production environment " + env.env()
                        + " (" + String.join(", ", holders) + ")" + unownedNote + ", more than the limit of " + limit + "."));
            } else if (holders.size() + maybe.size() > limit) {
                out.add(error(env.env(), r, "Production environment " + env.env() + " has " + holders.size()
                        + " people with credentials and " + maybe.size() + " more whose credentials could not be read ("
                        + String.join(", ", maybe) + "), so whether it exceeds the limit of " + limit + " is unknown."));
            } else {
                out.add(pass(env.env(), r, holders.size() + (holders.size() == 1 ? " person holds" : " people hold")
                        + " credentials in production environment " + env.env()
                        + (holders.isEmpty() ? "" : " (" + String.join(", ", holders) + ")") + unownedNote
                        + ", within the limit of " + limit + "."));
            }
        }
        return out;
    }

    /** The environment's users, or those of another environment sharing its account when its own list is unreadable. */
    private static Fact<List<IamUser>> usersOf(CheckContext ctx, AwsEnvironment env) {
        if (env.users() != null && env.users().isKnown()) {
            return env.users();
        }
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            if (a.envs().contains(env)) {
                return a.fact(e -> e.users());
            }
        }
        return env.users() == null ? Fact.unknown("not collected") : env.users();
    }

    /** TRUE when the user has a console password or an active key, FALSE when neither, null when unknown. */
    static Boolean holdsCredentials(IamUser u) {
        boolean unknown = false;
        if (u.console() != null && u.console().isKnown()) {
            if (u.console().value() != null && u.console().value().passwordEnabled()) {
                return true;
            }
        } else {
            unknown = true;
        }
        if (u.accessKeys() != null && u.accessKeys().isKnown()) {
            if (u.accessKeys().value() != null && u.accessKeys().value().stream().anyMatch(AccessKey::active)) {
                return true;
            }
        } else {
            unknown = true;
        }
        return unknown ? null : Boolean.FALSE;
    }
}
