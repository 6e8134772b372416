package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;

/**
 * {@code acm.cert.expiry}: the lifetime-relative window of {@link ExpiryWindow}, per ACM certificate in
 * every configured region. Certificates without validity dates (pending validation, failed) are not
 * evaluated; an issued or expired one without dates is an ERROR.
 */
public final class AcmExpiryCheck extends AcmCertificateCheck {
    public AcmExpiryCheck() {
        super("acm.cert.expiry", "ACM certificates not about to expire", Severity.HIGH,
                "An expired certificate takes the site or API down for every client at once, usually on a weekend.",
                "Renew or replace the certificate before the window closes: for imported certificates, import the renewed one over the same ARN "
                        + "(`aws acm import-certificate --certificate-arn ARN`); for Amazon-issued ones, fix the DNS validation record so ACM can renew.",
                "expiry");
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, AcmCertificate c, Resource r) {
        if (c.notBefore() == null || c.notAfter() == null) {
            return "ISSUED".equals(c.status()) || "EXPIRED".equals(c.status())
                    ? error(env.env(), r, "The validity dates of ACM certificate " + r.name() + " in " + c.region() + " are not known.")
                    : null;
        }
        ExpiryWindow w = new ExpiryWindow(c.notBefore(), c.notAfter(), ctx.now());
        String s = "ACM certificate " + r.name() + " in " + c.region();
        long windowDays = w.window().toDays();
        if (w.expired()) {
            return fail(env.env(), r, Severity.CRITICAL, s + " expired " + AwsScope.days(-w.daysLeft()) + " ago.");
        }
        if (w.failing()) {
            return fail(env.env(), r, w.severity(), s + " expires in " + AwsScope.days(w.daysLeft()) + ", inside its "
                    + windowDays + "-day renewal window.");
        }
        return pass(env.env(), r, s + " expires in " + AwsScope.days(w.daysLeft()) + ", outside its " + windowDays + "-day renewal window.");
    }
}
