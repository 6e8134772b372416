package dev.palisade.act;

import dev.palisade.core.config.EnvironmentConfig;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * IAM clients for actions, built from an environment's {@code actionProfile} only: scans stay
 * read-only, and an environment without an action profile cannot be acted on (the message says how
 * to add one). Profiles resolve like the AWS CLI ({@code ~/.aws/config}, {@code ~/.aws/credentials},
 * {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}).
 */
public final class AwsActionClients {
    private final Supplier<ProfileFile> profiles;

    public AwsActionClients(Supplier<ProfileFile> profiles) {
        this.profiles = profiles;
    }

    /** Uses the AWS CLI's default profile files. */
    public static AwsActionClients standard() {
        return new AwsActionClients(ProfileFile::defaultProfileFile);
    }

    public IamClient iam(EnvironmentConfig env) throws ActionException {
        if (env.aws() == null) {
            throw new ActionException("Environment " + env.name() + " has no aws: block in palisade.yaml.");
        }
        String profile = env.aws().actionProfile();
        if (profile == null || profile.isBlank()) {
            throw new ActionException("Environment " + env.name() + " has no actionProfile: scans use read-only credentials, "
                    + "so actions need a separate profile with IAM write permissions. Add "
                    + "`actionProfile: <profile>` under environments." + env.name() + ".aws in palisade.yaml.");
        }
        var builder = IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(ProfileCredentialsProvider.builder()
                        .profileFile(profiles).profileName(profile).build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(60))
                        .retryStrategy(RetryMode.STANDARD)
                        .build());
        if (env.aws().endpointUrl() != null) {
            builder.endpointOverride(URI.create(env.aws().endpointUrl()));
        }
        return builder.build();
    }
}
