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
 * A check evaluated on every ACM certificate of every environment, each ARN once however many
 * environments list it. A certificate list that could not be read is one ERROR for the environment.
 */
abstract class AcmCertificateCheck extends AbstractCheck {
    /** What the check looks at, for the ERROR of an unreadable list ("so their expiry was not checked"). */
    private final String aspect;

    protected AcmCertificateCheck(String id, String title, Severity severity, String rationale, String remediation,
                                  String aspect) {
        super(id, title, Area.CERTIFICATES, "aws", severity, rationale, remediation);
        this.aspect = aspect;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AwsEnvironment env : ctx.inventory().aws()) {
            if (env.certificates() == null || !env.certificates().isKnown()) {
                out.add(error(env.env(), AwsScope.scopeResource(env), "The ACM certificates of " + AwsScope.describe(env)
                        + " could not be listed (" + AwsScope.reason(env.certificates() == null ? "not collected" : env.certificates().error())
                        + "), so their " + aspect + " was not checked."));
                continue;
            }
            for (AcmCertificate c : env.certificates().value()) {
                if (!applies(c) || !seen.add(c.arn())) {
                    continue;
                }
                Finding f = evaluate(ctx, env, c, Resources.acmCertificate(c.arn(), c.domain()));
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Whether the check looks at this certificate at all (one it skips does not count as seen). */
    protected boolean applies(AcmCertificate c) {
        return true;
    }

    /** The finding for one certificate, or null when the check does not evaluate it. */
    protected abstract Finding evaluate(CheckContext ctx, AwsEnvironment env, AcmCertificate c, Resource resource);
}
