package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.identity.IdentityLinker;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the AWS checks walk the inventory. Environment-scoped resources (buckets, databases, log groups)
 * are evaluated per environment, in shared-account mode only those the environment owns by tag.
 * Account-scoped things (root, password policy, IAM users and roles, ACM certificates) are evaluated
 * once per AWS account, under the first environment that resolves to it, so two environments sharing
 * an account do not report every IAM user twice.
 */
final class AwsScope {
    private AwsScope() {
    }

    /** The environments that resolve to one AWS account; {@code accountId} null when it could not be read. */
    record Account(String accountId, List<AwsEnvironment> envs) {
        AwsEnvironment primary() {
            return envs.get(0);
        }

        String env() {
            return primary().env();
        }

        boolean production() {
            return envs.stream().anyMatch(AwsEnvironment::production);
        }

        /** The first known value of a fact among the environments, else the primary environment's unknown fact. */
        <T> Fact<T> fact(Function<AwsEnvironment, Fact<T>> f) {
            for (AwsEnvironment e : envs) {
                Fact<T> v = f.apply(e);
                if (v != null && v.isKnown()) {
                    return v;
                }
            }
            Fact<T> v = f.apply(primary());
            return v == null ? Fact.unknown("not collected") : v;
        }

        Resource resource() {
            return scopeResource(primary());
        }

        /** "AWS account 1234 (environment prod)" or "environment prod" — for sentences. */
        String describe() {
            return AwsScope.describe(primary());
        }
    }

    /** Groups the inventory's environments by account, in configuration order. */
    static List<Account> accounts(Inventory inventory) {
        Map<String, List<AwsEnvironment>> byId = new LinkedHashMap<>();
        for (AwsEnvironment e : inventory.aws()) {
            String key = accountId(e) != null ? "id:" + accountId(e) : "env:" + e.env();
            byId.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<Account> out = new ArrayList<>();
        byId.forEach((k, envs) -> out.add(new Account(accountId(envs.get(0)), List.copyOf(envs))));
        return out;
    }

    /** The environment's account id when known, else null. */
    static String accountId(AwsEnvironment e) {
        return e.accountId() != null && e.accountId().isKnown() ? e.accountId().value() : null;
    }

    /** The account when its id is known, else the environment: what an environment-wide ERROR is about. */
    static Resource scopeResource(AwsEnvironment e) {
        String id = accountId(e);
        return id != null ? Resources.account(id) : Resources.environment(e.env());
    }

    static String describe(AwsEnvironment e) {
        String id = accountId(e);
        return id != null ? "AWS account " + id + " (environment " + e.env() + ")" : "environment " + e.env();
    }

    /** The items of a list the environment owns: all of them, or in shared-account mode those its tag claims. */
    static <T> List<T> owned(AwsEnvironment e, List<T> items, Function<T, Fact<Map<String, String>>> tags) {
        if (e.tag() == null) {
            return items;
        }
        List<T> out = new ArrayList<>();
        for (T item : items) {
            Fact<Map<String, String>> t = tags.apply(item);
            // Tags that could not be read: evaluate the resource rather than let it vanish.
            if (t == null || !t.isKnown() || e.tag().owns(t.value())) {
                out.add(item);
            }
        }
        return out;
    }

    /** Whole days from {@code from} to {@code now}. */
    static long daysSince(Instant from, Instant now) {
        return Duration.between(from, now).toDays();
    }

    /** "1 day", "3 days". */
    static String days(long n) {
        return n == 1 || n == -1 ? n + " day" : n + " days";
    }

    /** Identities kept in the inventory, or linked now when the inventory has none yet. */
    static Identities identities(CheckContext ctx) {
        Identities ids = ctx.inventory().identities();
        return ids != null ? ids : IdentityLinker.link(ctx.config(), ctx.inventory());
    }

    /** Strips a trailing period so an error can be embedded in a sentence. */
    static String reason(String error) {
        String e = error == null ? "unknown reason" : error.strip();
        while (e.endsWith(".")) {
            e = e.substring(0, e.length() - 1);
        }
        return e;
    }
}
