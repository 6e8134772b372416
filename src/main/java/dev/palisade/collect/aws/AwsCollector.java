package dev.palisade.collect.aws;

import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/**
 * Reads every configured environment's AWS account (S3, S3 Control, IAM, STS, RDS, CloudWatch Logs,
 * ACM), one {@link SourceStatus} {@code aws:ENV} per environment, environments concurrently. Only
 * read calls are made; see {@code assets/aws-scan-policy.json}.
 */
public final class AwsCollector implements Collector {
    static {
        // The URL-connection client keeps only http.maxConnections (JDK default 5) idle connections per
        // host; per-item calls run 32 at a time, so keep that many alive instead of reconnecting (TLS).
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "48");
        }
    }

    /**
     * Tuning and where the AWS CLI files are.
     *
     * @param configFile      {@code ~/.aws/config} (or {@code AWS_CONFIG_FILE})
     * @param credentialsFile {@code ~/.aws/credentials} (or {@code AWS_SHARED_CREDENTIALS_FILE})
     * @param ssoCacheDir     the CLI's SSO token cache, {@code ~/.aws/sso/cache}
     * @param deadline        overall deadline of one environment's scan
     * @param concurrency     bounded pool for per-bucket / per-user / per-certificate calls, per environment
     */
    public record Options(Path configFile, Path credentialsFile, Path ssoCacheDir, Duration connectTimeout,
                          Duration readTimeout, Duration apiCallTimeout, Duration deadline, int concurrency,
                          int maxAttempts, Duration retryBaseDelay, Duration credentialReportPoll,
                          Duration credentialReportTimeout) {
        public Options {
            Objects.requireNonNull(configFile, "configFile");
            Objects.requireNonNull(credentialsFile, "credentialsFile");
            Objects.requireNonNull(ssoCacheDir, "ssoCacheDir");
        }

        /** The AWS CLI's file locations (honouring AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) and production timeouts. */
        public static Options defaults() {
            Path home = Path.of(UserHomeDirectoryUtils.userHomeDirectory());
            return new Options(ProfileFileLocation.configurationFilePath(), ProfileFileLocation.credentialsFilePath(),
                    home.resolve(".aws").resolve("sso").resolve("cache"),
                    Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMinutes(5),
                    32, 8, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(90));
        }

        public Options withFiles(Path config, Path credentials, Path ssoCache) {
            return new Options(config, credentials, ssoCache, connectTimeout, readTimeout, apiCallTimeout, deadline,
                    concurrency, maxAttempts, retryBaseDelay, credentialReportPoll, credentialReportTimeout);
        }

        public Options withTiming(Duration retryBaseDelay, Duration credentialReportPoll, Duration deadline) {
            return new Options(configFile, credentialsFile, ssoCacheDir, connectTimeout, readTimeout, apiCallTimeout,
                    deadline, concurrency, maxAttempts, retryBaseDelay, credentialReportPoll, credentialReportTimeout);
        }

        public Options withConcurrency(int concurrency) {
            return new Options(configFile, credentialsFile, ssoCacheDir, connectTimeout, readTimeout, apiCallTimeout,
                    deadline, concurrency, maxAttempts, retryBaseDelay, credentialReportPoll, credentialReportTimeout);
        }
    }

    private final List<EnvironmentConfig> environments;
    private final Options options;

    public AwsCollector(PalisadeConfig cfg) {
        this(cfg, Options.defaults());
    }

    public AwsCollector(PalisadeConfig cfg, Options options) {
        this.environments = cfg.environments().values().stream().filter(e -> e.aws() != null).toList();
        this.options = options;
    }

    @Override
    public String kind() {
        return "aws";
    }

    @Override
    public CollectorResult collect(ScanProgress progress) throws InterruptedException {
        if (environments.isEmpty()) {
            return new CollectorResult(Inventory.empty(), List.of());
        }
        ProfileFile profiles = loadProfiles();
        String fileNames = options.configFile() + " / " + options.credentialsFile();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, environments.size()), r -> {
            Thread t = new Thread(r, "palisade-aws-env");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<EnvironmentScan.Result>> futures = new ArrayList<>();
            for (EnvironmentConfig env : environments) {
                futures.add(pool.submit(() -> {
                    // ScanProgress.finished is reported by the workspace for every returned source
                    try (EnvironmentScan scan = new EnvironmentScan(env, options, profiles, fileNames)) {
                        return scan.run(progress);
                    }
                }));
            }
            List<AwsEnvironment> envs = new ArrayList<>();
            List<SourceStatus> statuses = new ArrayList<>();
            for (Future<EnvironmentScan.Result> f : futures) {
                try {
                    EnvironmentScan.Result r = f.get();
                    envs.add(r.environment());
                    statuses.add(r.status());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("AWS collector failed unexpectedly", e.getCause());
                }
            }
            return new CollectorResult(new Inventory(envs, null, null, null, null), statuses);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The named config and credentials files only (missing files are skipped, like the CLI). */
    private ProfileFile loadProfiles() {
        ProfileFile.Aggregator agg = ProfileFile.aggregator();
        if (Files.isRegularFile(options.configFile())) {
            agg.addFile(ProfileFile.builder().content(options.configFile()).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(options.credentialsFile())) {
            agg.addFile(ProfileFile.builder().content(options.credentialsFile()).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return agg.build();
    }
}
