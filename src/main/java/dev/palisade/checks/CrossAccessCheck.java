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
import dev.palisade.core.inventory.IamRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code env.cross_access}: no bucket policy or IAM role trust policy in one environment allows a
 * principal of another environment's account when either side is production. Principals are read from
 * Allow statements: a bare account id or any ARN {@code arn:PARTITION:iam::ACCOUNT:…} / {@code sts}.
 */
public final class CrossAccessCheck extends AbstractCheck {
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:[^:]+:(?:iam|sts)::(\\d{12}):.*$");

    public CrossAccessCheck() {
        super("env.cross_access", "No access across the production boundary", Area.ENVIRONMENTS, "aws", Severity.HIGH,
                "A bucket or role that trusts another environment's account makes that environment's weakest credential a way into "
                        + "production (or production's credentials a way to tamper with test).",
                "Remove the other environment's account from the bucket policy or role trust policy; move data between environments "
                        + "through a one-way, reviewed pipeline (e.g. a replication rule or an export job) instead.");
    }

    private record Ctx(Map<String, List<AwsEnvironment>> envsByAccount, List<AwsEnvironment> unknownAccounts) {
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, List<AwsEnvironment>> byAccount = new LinkedHashMap<>();
        List<AwsEnvironment> unknownAccounts = new ArrayList<>();
        for (AwsEnvironment e : ctx.inventory().aws()) {
            String id = AwsScope.accountId(e);
            if (id == null) {
                unknownAccounts.add(e);
            } else {
                byAccount.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            }
        }
        Ctx c = new Ctx(byAccount, unknownAccounts);
        List<Finding> out = new ArrayList<>();
        for (AwsEnvironment e : ctx.inventory().aws()) {
            if (e.buckets() == null || !e.buckets().isKnown()) {
                out.add(listError(e, "S3 buckets", e.buckets()));
                continue;
            }
            for (Bucket b : AwsScope.owned(e, e.buckets().value(), Bucket::tags)) {
                Resource r = Resources.bucket(b.name());
                String what = "Bucket " + b.name();
                if (b.policy() == null || !b.policy().isKnown()) {
                    out.add(error(e.env(), r, "The bucket policy of " + b.name() + " could not be read: "
                            + AwsScope.reason(b.policy() == null ? "not collected" : b.policy().error()) + "."));
                } else {
                    out.add(judge(c, e.env(), AwsScope.accountId(e), e.production(), r, what, "policy", b.policy().value()));
                }
            }
        }
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<List<IamRole>> roles = a.fact(e -> e.roles());
            if (!roles.isKnown()) {
                out.add(listError(a.primary(), "IAM roles", roles));
                continue;
            }
            for (IamRole role : roles.value()) {
                Resource r = Resources.iamRole(role.arn(), role.name());
                out.add(judge(c, a.env(), a.accountId(), a.production(), r, "IAM role " + role.name(), "trust policy", role.trustPolicy()));
            }
        }
        return out;
    }

    private Finding judge(Ctx c, String env, String ownAccount, boolean ownProduction, Resource r, String what, String policyKind,
                          String policy) {
        if (policy == null) {
            return pass(env, r, what + " has no " + policyKind + ", so it grants no other environment.");
        }
        PolicyDocument doc = PolicyDocument.parseOrNull(policy);
        if (doc == null) {
            return error(env, r, "The " + policyKind + " of " + r.name() + " could not be parsed, so its cross-environment grants are unknown.");
        }
        Set<String> granted = new LinkedHashSet<>();
        for (PolicyDocument.Statement s : doc.statements()) {
            if (s.effect() != PolicyDocument.Effect.ALLOW || s.notPrincipal()) {
                continue;
            }
            for (String p : s.awsPrincipals()) {
                String acct = accountOf(p);
                if (acct != null && !acct.equals(ownAccount)) {
                    granted.add(acct);
                }
            }
        }
        List<String> crossing = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (String acct : granted) {
            List<AwsEnvironment> others = c.envsByAccount().get(acct);
            if (others != null) {
                for (AwsEnvironment o : others) {
                    if (ownProduction || o.production()) {
                        crossing.add("AWS account " + acct + " (environment " + o.env() + ")");
                        break;
                    }
                }
            } else if (!c.unknownAccounts().isEmpty()) {
                undecided.add(acct);
            }
        }
        if (!crossing.isEmpty()) {
            return fail(env, r, what + " in environment " + env + " grants " + String.join(", ", crossing)
                    + " across the production boundary.");
        }
        if (!undecided.isEmpty()) {
            return error(env, r, what + " grants AWS account " + String.join(", ", undecided) + ", and whether that is another "
                    + "environment is unknown because the account of " + c.unknownAccounts().get(0).env() + " could not be read.");
        }
        return pass(env, r, what + " grants no principal of another environment's account across the production boundary.");
    }

    /** The 12-digit account of an AWS principal value, or null ({@code *}, services, unparseable). */
    static String accountOf(String principal) {
        if (ACCOUNT_ID.matcher(principal).matches()) {
            return principal;
        }
        Matcher m = ARN_ACCOUNT.matcher(principal);
        return m.matches() ? m.group(1) : null;
    }

    private Finding listError(AwsEnvironment e, String what, Fact<?> f) {
        String why = f == null ? "not collected" : f.error();
        return error(e.env(), AwsScope.scopeResource(e), "The " + what + " of " + AwsScope.describe(e) + " could not be listed ("
                + AwsScope.reason(why) + "), so their cross-environment grants were not checked.");
    }
}
