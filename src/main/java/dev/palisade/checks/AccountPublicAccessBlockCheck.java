package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.PublicAccessBlock;
import java.util.ArrayList;
import java.util.List;

/** {@code s3.account.public_access_block}: the account-level Block Public Access has all four settings. */
public final class AccountPublicAccessBlockCheck extends AbstractCheck {
    public AccountPublicAccessBlockCheck() {
        super("s3.account.public_access_block", "S3 Block Public Access on the account", Area.BUCKETS, "aws", Severity.HIGH,
                "The account-level setting protects every bucket, including the ones created tomorrow by someone in a hurry.",
                "Turn on all four Block Public Access settings for the account (S3 console → Block Public Access settings for this account, "
                        + "or `aws s3control put-public-access-block --account-id ACCOUNT`); serve public content through CloudFront instead.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<PublicAccessBlock> f = a.fact(e -> e.accountPublicAccessBlock());
            String who = a.describe();
            if (!f.isKnown()) {
                out.add(error(a.env(), a.resource(), "The account-level Block Public Access of " + who
                        + " could not be read: " + AwsScope.reason(f.error()) + "."));
            } else if (f.value() == null) {
                out.add(fail(a.env(), a.resource(), who + " has no account-level Block Public Access configured."));
            } else if (f.value().allTrue()) {
                out.add(pass(a.env(), a.resource(), who + " blocks public S3 access with all four account-level settings."));
            } else {
                List<String> missing = BucketPublicAccessBlockCheck.missing(f.value(), null);
                out.add(fail(a.env(), a.resource(), who + " leaves account-level Block Public Access setting"
                        + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " off."));
            }
        }
        return out;
    }
}
