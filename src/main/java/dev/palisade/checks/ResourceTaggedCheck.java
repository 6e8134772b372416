package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.DbInstance;
import dev.palisade.core.inventory.LogGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code env.resource.tagged}: a bucket, DB instance or log group is not tagged for another environment
 * than the one it lives in. In shared-account mode (an environment with {@code tag:}) every resource of
 * the account is evaluated once: it must carry the tag of one of the environments sharing the account.
 * In a dedicated account an untagged resource is fine; a tag naming another environment is not.
 */
public final class ResourceTaggedCheck extends AbstractCheck {
    /** Tag keys read as an environment tag in dedicated accounts, besides the keys configured in {@code tag:}. */
    static final Set<String> USUAL_KEYS = Set.of("env", "environment", "stage");

    public ResourceTaggedCheck() {
        super("env.resource.tagged", "Resources tagged with their environment", Area.ENVIRONMENTS, "aws", Severity.MEDIUM,
                "Where environments share an account, the environment tag is what keeps test tooling and policies away from production data; "
                        + "a missing or wrong tag puts a resource on the wrong side.",
                "Tag the resource with its environment (the key and value configured under environments.<name>.aws.tag), "
                        + "or move it to the environment's own account.");
    }

    private record Item(String kind, Resource resource, Fact<Map<String, String>> tags) {
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(USUAL_KEYS);
        ctx.inventory().aws().stream().filter(e -> e.tag() != null).forEach(e -> keys.add(e.tag().key().toLowerCase(Locale.ROOT)));
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            boolean shared = a.envs().stream().anyMatch(e -> e.tag() != null);
            if (shared) {
                evaluateShared(ctx, a, out);
            } else {
                for (AwsEnvironment e : a.envs()) {
                    evaluateDedicated(ctx, e, keys, out);
                }
            }
        }
        return out;
    }

    private void evaluateDedicated(CheckContext ctx, AwsEnvironment e, Set<String> keys, List<Finding> out) {
        for (Item it : items(e, e, out)) {
            if (!it.tags().isKnown()) {
                out.add(unreadable(e, it));
                continue;
            }
            Map<String, String> tags = it.tags().value() == null ? Map.of() : it.tags().value();
            Map.Entry<String, String> tag = tags.entrySet().stream()
                    .filter(t -> keys.contains(t.getKey().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
            String s = capital(it.kind()) + " " + it.resource().name();
            if (tag == null) {
                out.add(pass(e.env(), it.resource(), s + " has no environment tag and lives in environment " + e.env()
                        + "'s own account."));
                continue;
            }
            AwsEnvironment named = namedEnvironment(ctx, tag.getValue());
            if (named != null && !named.env().equals(e.env())) {
                out.add(fail(e.env(), it.resource(), s + " is tagged " + tag.getKey() + "=" + tag.getValue()
                        + ", naming environment " + named.env() + ", but lives in environment " + e.env() + "."));
            } else {
                out.add(pass(e.env(), it.resource(), s + " is tagged " + tag.getKey() + "=" + tag.getValue()
                        + " and lives in environment " + e.env() + "."));
            }
        }
    }

    private void evaluateShared(CheckContext ctx, AwsScope.Account a, List<Finding> out) {
        AwsEnvironment primary = a.primary();
        String tagKey = a.envs().stream().filter(e -> e.tag() != null).findFirst().orElseThrow().tag().key();
        // Every environment of a shared account sees the same resources: evaluate the first readable list once.
        AwsEnvironment source = a.envs().stream().filter(e -> known(e.buckets()) && known(e.databases()) && known(e.logGroups()))
                .findFirst().orElse(primary);
        for (Item it : items(source, primary, out)) {
            if (!it.tags().isKnown()) {
                out.add(unreadable(primary, it));
                continue;
            }
            Map<String, String> tags = it.tags().value() == null ? Map.of() : it.tags().value();
            String s = capital(it.kind()) + " " + it.resource().name();
            AwsEnvironment owner = null;
            String seen = null;
            for (AwsEnvironment e : a.envs()) {
                String key = e.tag() != null ? e.tag().key() : tagKey;
                String want = e.tag() != null ? e.tag().value() : e.env();
                String v = tags.get(key);
                if (v != null) {
                    seen = key + "=" + v;
                    if (v.equals(want)) {
                        owner = e;
                        break;
                    }
                }
            }
            if (owner != null) {
                out.add(pass(owner.env(), it.resource(), s + " is tagged " + seen + " and belongs to environment " + owner.env() + "."));
            } else if (seen == null) {
                out.add(fail(primary.env(), it.resource(), s + " in shared " + a.describe() + " has no " + tagKey
                        + " tag, so it belongs to no environment."));
            } else {
                out.add(fail(primary.env(), it.resource(), s + " in shared " + a.describe() + " is tagged " + seen
                        + ", which names none of the environments sharing the account."));
            }
        }
    }

    /** The resources of an environment; an unreadable list adds an ERROR (reported under {@code reportAs}). */
    private List<Item> items(AwsEnvironment e, AwsEnvironment reportAs, List<Finding> out) {
        List<Item> items = new ArrayList<>();
        if (known(e.buckets())) {
            e.buckets().value().forEach(b -> items.add(new Item("bucket", Resources.bucket(b.name()), tagsOf(b))));
        } else {
            out.add(listError(reportAs, "S3 buckets", e.buckets()));
        }
        if (known(e.databases())) {
            for (DbInstance d : e.databases().value()) {
                items.add(new Item("DB " + (d.kind() == null ? "instance" : d.kind()), Resources.database(d.arn(), d.id()),
                        Fact.known(d.tags() == null ? Map.of() : d.tags())));
            }
        } else {
            out.add(listError(reportAs, "RDS databases", e.databases()));
        }
        if (known(e.logGroups())) {
            for (LogGroup g : e.logGroups().value()) {
                items.add(new Item("log group", Resources.logGroup(g.arn(), g.name()), g.tags() == null ? Fact.unknown("not collected") : g.tags()));
            }
        } else {
            out.add(listError(reportAs, "log groups", e.logGroups()));
        }
        return items;
    }

    private static Fact<Map<String, String>> tagsOf(Bucket b) {
        return b.tags() == null ? Fact.unknown("not collected") : b.tags();
    }

    private Finding listError(AwsEnvironment e, String what, Fact<?> f) {
        String why = f == null ? "not collected" : f.error();
        return error(e.env(), AwsScope.scopeResource(e), "The " + what + " of " + AwsScope.describe(e) + " could not be listed ("
                + AwsScope.reason(why) + "), so their environment tags were not checked.");
    }

    private Finding unreadable(AwsEnvironment e, Item it) {
        return error(e.env(), it.resource(), "The tags of " + it.kind() + " " + it.resource().name() + " could not be read: "
                + AwsScope.reason(it.tags().error()) + ".");
    }

    /** The configured environment a tag value names (its name or its tag value), or null. */
    private static AwsEnvironment namedEnvironment(CheckContext ctx, String value) {
        for (AwsEnvironment e : ctx.inventory().aws()) {
            if (e.env().equalsIgnoreCase(value) || (e.tag() != null && e.tag().value().equalsIgnoreCase(value))) {
                return e;
            }
        }
        return null;
    }

    private static boolean known(Fact<?> f) {
        return f != null && f.isKnown();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
