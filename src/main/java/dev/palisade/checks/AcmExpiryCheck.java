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

/**
 * {@code acm.cert.expiry}: the lifetime-relative window of {@link ExpiryWindow}, per ACM certificate in
 * every configured region. Certificates without validity dates (pending validation, failed) are not
 * evaluated; an issued or expired one without dates is an ERROR.
 */
public final class AcmExpiryCheck extends AbstractCheck {
    public AcmExpiryCheck() {
        super("acm.cert.expiry", "ACM certificates not about to expire", Area.CERTIFICATES, "aws", Severity.HIGH,
                "An expired certificate takes the site or API down for every client at once, usually on a weekend.",
                "Renew or replace the certificate before the window closes: for imported certificates, import the renewed one over the same ARN "
                        + "(`aws acm import-certificate --certificate-arn ARN`); for Amazon-issued ones, fix the DNS validation record so ACM can renew.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AwsEnvironment env : ctx.inventory().aws()) {
            if (env.certificates() == null || !env.certificates().isKnown()) {
                out.add(error(env.env(), AwsScope.scopeResource(env), "The ACM certificates of " + AwsScope.describe(env)
                        + " could not be listed (" + AwsScope.reason(env.certificates() == null ? "not collected" : env.certificates().error())
                        + "), so their expiry was not checked."));
                continue;
            }
            for (AcmCertificate c : env.certificates().value()) {
                if (!seen.add(c.arn())) {
                    continue;
                }
                Resource r = Resources.acmCertificate(c.arn(), c.domain());
                if (c.notBefore() == null || c.notAfter() == null) {
                    if ("ISSUED".equals(c.status()) || "EXPIRED".equals(c.status())) {
                        out.add(error(env.env(), r, "The validity dates of ACM certificate " + r.name() + " in " + c.region() + " are not known."));
                    }
                    continue;
                }
                ExpiryWindow w = new ExpiryWindow(c.notBefore(), c.notAfter(), ctx.now());
                String s = "ACM certificate " + r.name() + " in " + c.region();
                long windowDays = w.window().toDays();
                if (w.expired()) {
                    out.add(fail(env.env(), r, Severity.CRITICAL, s + " expired " + AwsScope.days(-w.daysLeft()) + " ago."));
                } else if (w.failing()) {
                    out.add(fail(env.env(), r, w.severity(), s + " expires in " + AwsScope.days(w.daysLeft()) + ", inside its "
                            + windowDays + "-day renewal window."));
                } else {
                    out.add(pass(env.env(), r, s + " expires in " + AwsScope.days(w.daysLeft()) + ", outside its " + windowDays + "-day renewal window."));
                }
            }
        }
        return out;
    }
}
