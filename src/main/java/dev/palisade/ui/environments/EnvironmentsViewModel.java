package dev.palisade.ui.environments;

import dev.palisade.core.Fact;
import dev.palisade.core.Snapshot;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.EnvTag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The environment × account matrix and each environment's resources, from the snapshot's AWS inventory. Pure. */
public final class EnvironmentsViewModel {
    /**
     * One environment's row. A count is -1 when it could not be read.
     *
     * @param account    the account id, or null when it could not be read ({@code accountError} says why)
     * @param sharedWith other environments in the same account
     */
    public record EnvRow(String env, boolean production, String account, String accountError, List<String> sharedWith,
                         String separation, int buckets, int databases, int logGroups, int users, int roles) {
    }

    /** The matrix: accounts as columns, environments as rows. */
    public record Matrix(List<String> accounts, List<EnvRow> rows) {
        public boolean in(EnvRow r, String account) {
            return account.equals(r.account());
        }
    }

    private EnvironmentsViewModel() {
    }

    public static Matrix of(Snapshot s) {
        List<AwsEnvironment> envs = s.inventory() == null ? List.of() : s.inventory().aws();
        Set<String> accounts = new LinkedHashSet<>();
        for (AwsEnvironment e : envs) {
            if (e.accountId() != null && e.accountId().isKnown() && e.accountId().value() != null) {
                accounts.add(e.accountId().value());
            }
        }
        List<EnvRow> rows = new ArrayList<>();
        for (AwsEnvironment e : envs) {
            String acct = e.accountId() != null && e.accountId().isKnown() ? e.accountId().value() : null;
            List<String> shared = new ArrayList<>();
            for (AwsEnvironment o : envs) {
                if (o != e && acct != null && o.accountId() != null && acct.equals(o.accountId().orElse(null))) {
                    shared.add(o.env());
                }
            }
            String sep = acct == null ? "unknown" : shared.isEmpty() ? "dedicated account"
                    : e.tag() != null ? "shared account, separated by tag " + e.tag().key() + "=" + e.tag().value()
                    : "shared account, no separation";
            EnvTag tag = e.tag();
            rows.add(new EnvRow(e.env(), e.production(), acct, e.accountId() == null ? "not read" : e.accountId().error(),
                    shared, sep,
                    count(e.buckets(), b -> tag == null || tag.owns(b.tags().orElse(null))),
                    count(e.databases(), d -> tag == null || tag.owns(d.tags())),
                    count(e.logGroups(), l -> tag == null || tag.owns(l.tags().orElse(null))),
                    count(e.users(), u -> true),
                    count(e.roles(), r -> true)));
        }
        return new Matrix(List.copyOf(accounts), rows);
    }

    private static <T> int count(Fact<List<T>> f, java.util.function.Predicate<T> owned) {
        if (f == null || !f.isKnown()) {
            return -1;
        }
        return f.value() == null ? 0 : (int) f.value().stream().filter(owned).count();
    }

}
