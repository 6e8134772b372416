package dev.palisade.collect.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Turns a named profile into credentials the way the AWS CLI does, from the given config and
 * credentials files only: static keys (with optional session token), {@code credential_process},
 * {@code role_arn} + {@code source_profile} (AssumeRole through STS at the environment's endpoint),
 * and IAM Identity Center profiles ({@code sso_session} or legacy {@code sso_start_url}) from the
 * CLI's token cache. Environment variables and instance metadata are never consulted.
 */
final class AwsCredentialResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileFile profiles;
    private final String fileNames;
    private final Path ssoCacheDir;
    /** Builds an STS or SSO client for a region with the environment's HTTP client, endpoint and timeouts. */
    private final ClientFactory clients;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    interface ClientFactory {
        StsClient sts(Region region, AwsCredentialsProvider credentials);

        SsoClient sso(Region region);
    }

    AwsCredentialResolver(ProfileFile profiles, String fileNames, Path ssoCacheDir, ClientFactory clients) {
        this.profiles = profiles;
        this.fileNames = fileNames;
        this.ssoCacheDir = ssoCacheDir;
        this.clients = clients;
    }

    /** Resolves {@code profileName} and fetches credentials once, so setup problems surface here with a clear message. */
    AwsCredentialsProvider resolve(String profileName) {
        AwsCredentialsProvider provider = provider(profileName, 0);
        try {
            provider.resolveCredentials();
        } catch (AwsSetupException e) {
            throw e;
        } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
            throw new AwsSetupException("could not get credentials for AWS profile '" + profileName + "': "
                    + AwsErrors.describe(e));
        }
        return provider;
    }

    List<AutoCloseable> closeables() {
        return closeables;
    }

    private AwsCredentialsProvider provider(String name, int depth) {
        if (depth > 5) {
            throw new AwsSetupException("AWS profile '" + name + "': source_profile chain is too long or circular");
        }
        Profile p = profiles.profile(name).orElseThrow(() -> new AwsSetupException(
                "AWS profile '" + name + "' is not defined in " + fileNames
                        + " (check environments.*.aws.profile, or run aws configure --profile " + name + ")"));
        Optional<String> roleArn = p.property("role_arn");
        if (roleArn.isPresent()) {
            return assumeRole(name, p, roleArn.get(), depth);
        }
        if (p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent()) {
            return sso(name, p);
        }
        if (p.property("aws_access_key_id").isEmpty() && p.property("credential_process").isEmpty()) {
            throw new AwsSetupException("AWS profile '" + name + "' has no credentials (no aws_access_key_id, "
                    + "credential_process, role_arn or sso_session) in " + fileNames);
        }
        // Static keys (with optional session token) and credential_process: the SDK's own profile provider,
        // reading only the file we give it.
        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(profiles).profileName(name).build();
        closeables.add(provider);
        return provider;
    }

    private AwsCredentialsProvider assumeRole(String name, Profile p, String roleArn, int depth) {
        String source = p.property("source_profile").orElse(null);
        if (source == null) {
            String cs = p.property("credential_source").orElse(null);
            throw new AwsSetupException("AWS profile '" + name + "' uses role_arn without source_profile"
                    + (cs == null ? "" : " (credential_source=" + cs + " is not used by Palisade, which never reads "
                    + "environment variables or instance metadata behind your back)")
                    + ": add source_profile = <a profile with credentials>");
        }
        AwsCredentialsProvider sourceCredentials;
        if (source.equals(name)) {
            // A profile may be its own source when it also holds static keys.
            sourceCredentials = () -> {
                Profile self = profiles.profile(name).orElseThrow();
                String id = self.property("aws_access_key_id").orElseThrow(() -> new AwsSetupException(
                        "AWS profile '" + name + "' is its own source_profile but has no aws_access_key_id"));
                String secret = self.property("aws_secret_access_key").orElse("");
                return software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(id, secret);
            };
        } else {
            sourceCredentials = provider(source, depth + 1);
        }
        Region region = Region.of(p.property("region").orElse("us-east-1"));
        StsClient sts = clients.sts(region, sourceCredentials);
        closeables.add(sts);
        String session = p.property("role_session_name").orElse("palisade-scan");
        String externalId = p.property("external_id").orElse(null);
        Integer duration = p.property("duration_seconds").map(Integer::valueOf).orElse(null);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(session).externalId(externalId)
                        .durationSeconds(duration))
                .build();
        closeables.add(provider);
        return wrap(provider, e -> "AssumeRole into " + roleArn + " for AWS profile '" + name + "' failed: "
                + AwsErrors.describe(e));
    }

    private AwsCredentialsProvider sso(String name, Profile p) {
        String login = "run aws sso login --profile " + name;
        String sessionName = p.property("sso_session").orElse(null);
        String startUrl;
        String ssoRegion;
        if (sessionName != null) {
            Profile session = profiles.getSection("sso-session", sessionName).orElseThrow(() -> new AwsSetupException(
                    "AWS profile '" + name + "' names sso_session '" + sessionName + "' but " + fileNames
                            + " has no [sso-session " + sessionName + "] section"));
            startUrl = session.property("sso_start_url").orElse(null);
            ssoRegion = session.property("sso_region").orElse(p.property("sso_region").orElse(null));
        } else {
            startUrl = p.property("sso_start_url").orElse(null);
            ssoRegion = p.property("sso_region").orElse(null);
        }
        String accountId = p.property("sso_account_id").orElse(null);
        String roleName = p.property("sso_role_name").orElse(null);
        if (startUrl == null || ssoRegion == null || accountId == null || roleName == null) {
            throw new AwsSetupException("AWS SSO profile '" + name + "' needs sso_start_url, sso_region, "
                    + "sso_account_id and sso_role_name: run aws configure sso --profile " + name);
        }
        Path cacheFile = ssoCacheDir.resolve(sha1(sessionName != null ? sessionName : startUrl) + ".json");
        SsoClient client = clients.sso(Region.of(ssoRegion));
        closeables.add(client);
        return new AwsCredentialsProvider() {
            private volatile AwsSessionCredentials cached;

            @Override
            public AwsCredentials resolveCredentials() {
                AwsSessionCredentials c = cached;
                if (c != null && c.expirationTime().map(t -> t.isAfter(Instant.now().plusSeconds(60))).orElse(true)) {
                    return c;
                }
                String token = ssoToken(name, cacheFile, login);
                RoleCredentials rc;
                try {
                    rc = client.getRoleCredentials(r -> r.accessToken(token).accountId(accountId).roleName(roleName))
                            .roleCredentials();
                } catch (UnauthorizedException e) {
                    throw new AwsSetupException("the SSO session of AWS profile '" + name
                            + "' is no longer valid: " + login);
                } catch (SdkException e) {
                    throw new AwsSetupException("SSO GetRoleCredentials for AWS profile '" + name + "' (account "
                            + accountId + ", role " + roleName + ") failed: " + AwsErrors.describe(e));
                }
                c = AwsSessionCredentials.builder().accessKeyId(rc.accessKeyId()).secretAccessKey(rc.secretAccessKey())
                        .sessionToken(rc.sessionToken())
                        .expirationTime(rc.expiration() == null ? null : Instant.ofEpochMilli(rc.expiration()))
                        .build();
                cached = c;
                return c;
            }

            @Override
            public String toString() {
                return "SsoCredentials[" + name + "]";
            }
        };
    }

    private static String ssoToken(String profile, Path cacheFile, String login) {
        if (!Files.isRegularFile(cacheFile)) {
            throw new AwsSetupException("no SSO session for AWS profile '" + profile + "' (no cached token in "
                    + cacheFile.getParent() + "): " + login);
        }
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(cacheFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AwsSetupException("the SSO token cache " + cacheFile + " of AWS profile '" + profile
                    + "' could not be read: " + login);
        }
        String token = node.path("accessToken").asText(null);
        String expiresAt = node.path("expiresAt").asText(null);
        Instant expiry;
        try {
            expiry = expiresAt == null ? null : Instant.parse(expiresAt.replace("UTC", "Z"));
        } catch (DateTimeParseException e) {
            expiry = null;
        }
        if (token == null || expiry == null) {
            throw new AwsSetupException("the SSO token cache of AWS profile '" + profile + "' is incomplete: " + login);
        }
        if (!expiry.isAfter(Instant.now())) {
            throw new AwsSetupException("the SSO token of AWS profile '" + profile + "' expired at " + expiry + ": "
                    + login);
        }
        return token;
    }

    private static AwsCredentialsProvider wrap(AwsCredentialsProvider p, Function<SdkException, String> message) {
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                try {
                    return p.resolveCredentials();
                } catch (AwsSetupException e) {
                    throw e;
                } catch (SdkException e) {
                    throw new AwsSetupException(message.apply(e));
                }
            }

            @Override
            public String toString() {
                return p.getClass().getSimpleName();
            }
        };
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Endpoint as URI, or null. */
    static URI endpoint(String url) {
        return url == null || url.isBlank() ? null : URI.create(url);
    }
}
