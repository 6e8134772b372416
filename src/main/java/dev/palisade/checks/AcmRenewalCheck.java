package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;

/** {@code acm.cert.renewal}: an in-use certificate renews by itself (not imported, renewal eligible and not failed). */
public final class AcmRenewalCheck extends AcmCertificateCheck {
    public AcmRenewalCheck() {
        super("acm.cert.renewal", "In-use ACM certificates renew automatically", Severity.MEDIUM,
                "A certificate that ACM cannot renew will expire on its own schedule unless someone remembers it.",
                "Replace imported certificates with ACM-issued ones (DNS validation), keep the validation CNAME records in place, "
                        + "and check RenewalSummary in the ACM console for the failure reason.",
                "renewal");
    }

    @Override
    protected boolean applies(AcmCertificate c) {
        return c.inUse();
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, AcmCertificate c, Resource r) {
        String s = "In-use ACM certificate " + r.name() + " in " + c.region();
        if ("IMPORTED".equalsIgnoreCase(c.type())) {
            return fail(env.env(), r, s + " is imported and will not renew by itself.");
        }
        if ("INELIGIBLE".equalsIgnoreCase(c.renewalEligibility())) {
            return fail(env.env(), r, s + " is not eligible for managed renewal.");
        }
        if ("FAILED".equalsIgnoreCase(c.renewalStatus())) {
            return fail(env.env(), r, s + " failed its last managed renewal.");
        }
        return pass(env.env(), r, s + " renews automatically.");
    }
}
