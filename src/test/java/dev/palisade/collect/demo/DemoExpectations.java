package dev.palisade.collect.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which demo resource is meant to PASS and which to FAIL, per SPEC catalogue check. "week N" = the
 * historical snapshot of stage N (0 = six weeks ago); "now" = the current demo inventory. Used in
 * {@link DemoCoverageTest}'s failure messages so a coverage gap says where to look.
 */
record DemoExpectations(String check, String pass, String fail) {

    static final List<DemoExpectations> ALL = List.of(
            e("s3.bucket.encryption", "acme-prod-uploads (SSE-KMS), acme-staging-logs (SSE-S3)",
                    "acme-staging-db-dumps, acme-demo-sandbox (NONE); acme-prod-ml-models in weeks 4-5"),
            e("s3.bucket.encryption_kms", "acme-prod-uploads (prod, SSE-KMS)",
                    "acme-prod-exports, acme-prod-logs, acme-prod-static-site (prod, SSE-S3); acme-prod-tmp until it was deleted this week"),
            e("s3.bucket.public_access_block", "every prod bucket (account block all true from week 2); acme-staging-uploads (bucket block)",
                    "acme-demo-public-assets (no bucket block; shared account block partial), acme-staging-db-dumps (partial); acme-demo-screenshots and acme-staging-partner-drop until week 5"),
            e("s3.account.public_access_block", "aws-account:491820736154 (prod, all four true from week 2)",
                    "aws-account:730415982267 (staging+demo: policies not blocked); prod in weeks 0-1"),
            e("s3.bucket.tls_only", "acme-prod-uploads (from week 2), acme-prod-backups, acme-staging-uploads",
                    "acme-prod-exports, acme-staging-logs, acme-demo-public-assets; acme-prod-tmp and acme-staging-backups until this week"),
            e("s3.bucket.public_policy", "acme-prod-static-site (Principal * limited by aws:SourceVpce), acme-staging-partner-drop (aws:SourceIp), acme-prod-uploads",
                    "acme-demo-public-assets (public-read, no condition)"),
            e("s3.bucket.versioning", "acme-prod-uploads (Enabled)", "acme-prod-exports (Suspended), acme-demo-sandbox (Disabled); acme-prod-tmp until this week"),
            e("s3.bucket.access_logging", "acme-prod-uploads", "acme-prod-invoices, acme-prod-exports"),
            e("iam.root.mfa", "aws-account:491820736154 (prod)", "aws-account:730415982267 (shared)"),
            e("iam.root.access_keys", "aws-account:491820736154 (prod, from week 2)", "aws-account:730415982267 (shared); prod weeks 0-1"),
            e("iam.user.console_mfa", "maya, dana, leo.park (prod); priya, tom.becker (shared)",
                    "sam.rivera (shared), raj.contractor (prod, from week 5)"),
            e("iam.user.console_unused", "maya, leo.park, dana", "priya (last used 100 days ago), pat.kim (never used, password 200 days old)"),
            e("iam.key.rotation", "maya's key (40 days)", "dana's first key (210 days), deploy-bot (430), ci-shared first key (150), billing-export (120)"),
            e("iam.key.unused", "maya's key (used yesterday), deploy-bot", "billing-export's key (never used, 120 days old); ken's prod key weeks 0-2 (idle 100 days)"),
            e("iam.user.two_active_keys", "maya, deploy-bot", "dana (prod), ci-shared (shared)"),
            e("iam.user.direct_admin", "maya, dana, billing-export (scoped customer policy)",
                    "leo.park (AdministratorAccess attached), deploy-bot (inline Action * Resource *)"),
            e("iam.password_policy", "prod (min length 14, from week 1)", "staging/demo shared account (min length 8); prod week 0 (none)"),
            e("env.account.dedicated", "prod/payments, prod/staging, payments/demo, …", "staging/demo (both 730415982267)"),
            e("env.resource.tagged", "acme-prod-uploads, acme-staging-uploads, acme-demo-uploads, RDS acme-prod-main",
                    "acme-prod-data-lake (in prod, tagged env=staging); untagged in the shared account: acme-staging-ci-artifacts, RDS acme-staging-scratch, log group /aws/lambda/demo-reset"),
            e("env.cross_access", "roles OrganizationAdmin, DatadogIntegration (third party), ci-runner; bucket policies without foreign principals",
                    "prod role deploy-from-staging (trusts 730415982267 ci-runner); acme-prod-exports policy (grants 730415982267)"),
            e("env.prod_access", "payments always (maya, dana = 2); prod in weeks 3-4: maya, leo, dana (3 = maxProdPeople)",
                    "now and week 5 (maya, leo, dana, raj@contractor.example = 4); weeks 0-2 (with ken = 4)"),
            e("tls.cert.expiry", "acme.example:443, edge.acme.example:443 (6-day cert, 3 days left, 2-day window), app 203.0.113.21",
                    "api.acme.example:8443 (12 days of 90: HIGH), app.acme.example:443 (203.0.113.22, 5 days: CRITICAL), status.acme.example (expired)"),
            e("tls.cert.hostname", "acme.example, www, app, api; docs weeks 0-3", "docs.acme.example (cert for docs-acme.pages.example, from week 4)"),
            e("tls.cert.chain", "acme.example, app, api, blog, edge", "shop.acme.example (missing intermediate), status.acme.example (expired)"),
            e("tls.https_redirect", "acme.example and most others (301 to https)", "blog.acme.example (serves 200 over http)"),
            e("tls.hsts", "acme.example (max-age=63072000)", "www.acme.example (max-age=300), blog.acme.example (no header)"),
            e("acm.cert.expiry", "*.acme.example (335 days), staging.acme.example",
                    "cdn.acme.example (20 days of 365: HIGH), old-demo.acme.example (expired 10 days ago)"),
            e("acm.cert.renewal", "*.acme.example, eu.acme.example, staging.acme.example (eligible, in use)",
                    "cdn.acme.example (IMPORTED, in use), api.acme.example (INELIGIBLE/FAILED, in use)"),
            e("gws.user.2sv", "maya.chen, dana.ortiz, … (enrolled)", "leo.park (admin: CRITICAL), ana.silva"),
            e("gws.super_admin.count", "acme.example#super-admins-min always (at least 2); #super-admins-max in weeks 3-4 (maya, leo, tom)",
                    "acme.example#super-admins-max now and week 5 (maya, leo, julia, lisa, sam cover for Tom) and weeks 0-2 (maya, leo, julia, lisa, tom)"),
            e("gws.user.inactive", "everyone active logged in within days", "omar.haddad (last login 130 days ago)"),
            e("github.org.2fa_required", "acme-demo-oss always; acme-demo in weeks 0-4 (required)", "acme-demo now and in week 5 (switched off)"),
            e("github.member.2fa", "mayachen, leopark, dana-gh, …", "priyanair (member), rajp-contractor (outside collaborator) from week 5"),
            e("github.dependabot.alerts", "acme-demo/infra, acme-demo/mobile, acme-demo/docs (0 open)",
                    "acme-demo/api (5+ open, 1 critical), acme-demo/web, acme-demo/website (from week 4)"),
            e("github.secret_scanning.alerts", "acme-demo/web, acme-demo/mobile (0 open); acme-demo/infra from week 2",
                    "acme-demo/api (1), acme-demo/docs (2); acme-demo/website has secret scanning disabled (known null)"),
            e("access.account.unowned", "IAM maya (tag), leo.park (name), dana (people:), demo-seeder (tag); GitHub samr (verified email)",
                    "IAM deploy-bot (prod), ci-shared (shared); GitHub acme-ci-bot, jo-hansen-dev (acme-demo-oss outside maintainer)"),
            e("access.departed.active", "nina.kowalski@acme.example (suspended, nothing left); tom.becker weeks 0-4 (still employed)",
                    "tom.becker@acme.example (suspended from week 5; IAM tom.becker key+console, GitHub tbecker), pat.kim@acme.example (deleted; IAM pat.kim console)"),
            e("issue.security.open", "week 0: the org had no security-labelled issues yet (org-level PASS); per repository it would be acme-demo/website",
                    "every open issue, e.g. acme-demo/api#412 (critical), acme-demo/mobile#31 (no severity label)"),
            e("issue.security.overdue", "api#412 (critical, 3 days), web#120 (high, 12 days), docs#15 (low, 60 days)",
                    "api#388 (high, 45 days > 30), infra#77 (critical, 16 days > 7), web#98 (medium, 120 > 90), mobile#31 (unlabelled, 200 days)"));

    static final Map<String, DemoExpectations> BY_ID = ALL.stream()
            .collect(Collectors.toMap(DemoExpectations::check, Function.identity()));

    private static DemoExpectations e(String check, String pass, String fail) {
        return new DemoExpectations(check, pass, fail);
    }

    String hint() {
        return "meant to PASS: " + pass + "; meant to FAIL: " + fail;
    }
}
