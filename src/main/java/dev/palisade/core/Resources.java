package dev.palisade.core;

/** Resource constructors with SPEC.md's id rules, so every collector, check and action names things alike. */
public final class Resources {
    private Resources() {
    }

    public static Resource bucket(String name) {
        return new Resource("aws.s3.bucket", "arn:aws:s3:::" + name, name);
    }

    public static Resource account(String accountId) {
        return new Resource("aws.account", "aws-account:" + accountId, "AWS account " + accountId);
    }

    public static Resource iamUser(String arn, String name) {
        return new Resource("aws.iam.user", arn, name);
    }

    public static Resource accessKey(String keyId, String userName) {
        return new Resource("aws.iam.access_key", keyId, keyId + " (" + userName + ")");
    }

    public static Resource iamRole(String arn, String name) {
        return new Resource("aws.iam.role", arn, name);
    }

    public static Resource database(String arn, String id) {
        return new Resource("aws.rds.instance", arn, id);
    }

    public static Resource logGroup(String arn, String name) {
        return new Resource("aws.logs.group", arn, name);
    }

    public static Resource acmCertificate(String arn, String domain) {
        return new Resource("aws.acm.certificate", arn, domain);
    }

    /** A TLS endpoint; {@code address} null for the endpoint as a whole, else the name says which address. */
    public static Resource tlsEndpoint(String host, int port, String address) {
        String id = host + ":" + port;
        return new Resource("tls.endpoint", id, address == null ? id : id + " (" + address + ")");
    }

    public static Resource workspaceUser(String email) {
        return new Resource("gws.user", email, email);
    }

    public static Resource workspaceDomain(String domain) {
        return new Resource("gws.domain", domain, domain);
    }

    public static Resource githubMember(String login) {
        return new Resource("github.member", login, login);
    }

    public static Resource githubOrg(String org) {
        return new Resource("github.org", "github-org:" + org, org);
    }

    public static Resource githubRepo(String fullName) {
        return new Resource("github.repository", fullName, fullName);
    }

    public static Resource issue(String htmlUrl, String title) {
        return new Resource("github.issue", htmlUrl, title);
    }

    public static Resource person(String email) {
        return new Resource("person", email, email);
    }

    /** Used when an environment's account id itself could not be read. */
    public static Resource environment(String env) {
        return new Resource("environment", "environment:" + env, env);
    }

    /** A pair of environments, for checks evaluated per pair ({@code env.account.dedicated}). */
    public static Resource environmentPair(String a, String b) {
        return new Resource("environment", "environment:" + a + "+" + b, a + " and " + b);
    }
}
