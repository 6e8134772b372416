package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code acm.cert.renewal}: an in-use certificate renews by itself (not imported, renewal eligible and not failed). */
public final class AcmRenewalCheck extends AbstractCheck {
    public AcmRenewalCheck() {
        super("acm.cert.renewal", "In-use ACM certificates renew automatically", Area.CERTIFICATES, "aws", Severity.MEDIUM,
                "A certificate that ACM cannot renew will expire on its own schedule unless someone remembers it.",
                "Replace imported certificates with ACM-issued ones (DNS validation), keep the validation CNAME records in place, "
                        + "and check RenewalSummary in the ACM console for the failure reason.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AwsEnvironment env : ctx.inventory().aws()) {
            if (env.certificates() == null || !env.certificates().isKnown()) {
                out.add(error(env.env(), AwsScope.scopeResource(env), "The ACM certificates of " + AwsScope.describe(env)
                        + " could not be listed (" + AwsScope.reason(env.certificates() == null ? "not collected" : env.certificates().error())
                        + "), so their renewal was not checked."));
                continue;
            }
            for (AcmCertificate c : env.certificates().value()) {
                if (!c.inUse() || !seen.add(c.arn())) {
                    continue;
                }
                Resource r = Resources.acmCertificate(c.arn(), c.domain());
                String s = "In-use ACM certificate " + r.name() + " in " + c.region();
                if ("IMPORTED".equalsIgnoreCase(c.type())) {
                    out.add(fail(env.env(), r, s + " is imported and will not renew by itself."));
                } else if ("INELIGIBLE".equalsIgnoreCase(c.renewalEligibility())) {
                    out.add(fail(env.env(), r, s + " is not eligible for managed renewal."));
                } else if ("FAILED".equalsIgnoreCase(c.renewalStatus())) {
                    out.add(fail(env.env(), r, s + " failed its last managed renewal."));
                } else {
                    out.add(pass(env.env(), r, s + " renews automatically."));
                }
            }
        }
        return out;
    }
}
