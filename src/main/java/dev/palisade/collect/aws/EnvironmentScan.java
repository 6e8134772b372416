package dev.palisade.collect.aws;

import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Fact;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.config.AwsConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.BucketLogging;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.DbInstance;
import dev.palisade.core.inventory.IamRole;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.LogGroup;
import dev.palisade.core.inventory.OtherCredential;
import dev.palisade.core.inventory.PasswordPolicy;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.PublicAccessBlock;
import dev.palisade.core.inventory.RootAccount;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Collects one environment's AWS account. Never throws for AWS failures: they become unknown facts and the source status. */
final class EnvironmentScan implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentScan.class);
    private static final String AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/";

    /** One call that could not be answered. */
    record Failure(String action, String resource, String message, boolean denied) {
    }

    /** Thrown inside a composite read when one of its calls failed; the message is the failure's. */
    static final class ReadFailure extends RuntimeException {
        ReadFailure(String message) {
            super(message, null, false, false);
        }
    }

    record Result(AwsEnvironment environment, SourceStatus status) {
    }

    private final EnvironmentConfig env;
    private final AwsConfig aws;
    private final AwsCollector.Options opts;
    private final ProfileFile profiles;
    private final String fileNames;
    private final String source;
    private final URI endpoint;
    private final SdkHttpClient http;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<Region, S3Client> s3Clients = new ConcurrentHashMap<>();
    private final Map<String, Fact<String>> policyDocuments = new ConcurrentHashMap<>();
    private final ExecutorService sections;
    private final ExecutorService items;
    private AwsCredentialsProvider credentials;
    private Instant deadline;
    private ScanProgress progress = ScanProgress.NONE;
    private final AtomicInteger itemsTotal = new AtomicInteger();
    private final AtomicInteger itemsDone = new AtomicInteger();

    EnvironmentScan(EnvironmentConfig env, AwsCollector.Options opts, ProfileFile profiles, String fileNames) {
        this.env = env;
        this.aws = env.aws();
        this.opts = opts;
        this.profiles = profiles;
        this.fileNames = fileNames;
        this.source = "aws:" + env.name();
        this.endpoint = AwsCredentialResolver.endpoint(aws.endpointUrl());
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(opts.connectTimeout())
                .socketTimeout(opts.readTimeout())
                .build();
        this.sections = Executors.newFixedThreadPool(8, daemon("palisade-aws-" + env.name() + "-section"));
        this.items = Executors.newFixedThreadPool(Math.max(1, opts.concurrency()), daemon("palisade-aws-" + env.name()));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- clients

    private ClientOverrideConfiguration override(boolean disableHostPrefix) {
        StandardRetryStrategy retry = AwsRetryStrategy.configure(StandardRetryStrategy.builder())
                .maxAttempts(opts.maxAttempts())
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(opts.retryBaseDelay(), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(opts.retryBaseDelay().multipliedBy(5),
                        Duration.ofSeconds(20)))
                .build();
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .apiCallTimeout(opts.apiCallTimeout())
                .apiCallAttemptTimeout(opts.readTimeout())
                .retryStrategy(retry)
                .defaultProfileFileSupplier(() -> profiles)
                .defaultProfileName(aws.profile())
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
                        apiCalls.incrementAndGet();
                    }
                });
        if (disableHostPrefix) {
            b.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
        }
        return b.build();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C client(
            B builder, Region region, AwsCredentialsProvider creds, boolean disableHostPrefix) {
        builder.region(region).credentialsProvider(creds).httpClient(http).overrideConfiguration(override(disableHostPrefix));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        C c = builder.build();
        synchronized (closeables) {
            closeables.add(c);
        }
        return c;
    }

    private Region home() {
        return Region.of(aws.regions().get(0));
    }

    private S3Client s3(Region region) {
        return s3Clients.computeIfAbsent(region, r -> client(S3Client.builder()
                .forcePathStyle(endpoint != null)
                .crossRegionAccessEnabled(true), r, credentials, false));
    }

    // ---------------------------------------------------------------- read helpers

    private void checkDeadline(String action, String on) {
        if (Thread.currentThread().isInterrupted()) {
            throw fail(action, on, action + " not attempted for " + on + ": scan cancelled", false);
        }
        if (Instant.now().isAfter(deadline)) {
            throw fail(action, on, action + " not attempted for " + on + ": the scan of " + source
                    + " ran past its deadline of " + opts.deadline().toSeconds() + " s", false);
        }
    }

    private ReadFailure fail(String action, String on, String message, boolean denied) {
        failures.add(new Failure(action, on, message, denied));
        return new ReadFailure(message);
    }

    /** Runs one call (or one paginated listing); a failure is recorded and rethrown as {@link ReadFailure}. */
    private <T> T must(String action, String on, Supplier<T> call) {
        return mustOr(action, on, call, Set.of(), null);
    }

    /** Like {@link #must} but an error whose code is in {@code notConfigured} is the known answer {@code whenNotConfigured}. */
    private <T> T mustOr(String action, String on, Supplier<T> call, Set<String> notConfigured, T whenNotConfigured) {
        checkDeadline(action, on);
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = AwsErrors.code(e);
            if (code != null && notConfigured.contains(code)) {
                return whenNotConfigured;
            }
            if (AwsErrors.denied(e)) {
                throw fail(action, on, action + " denied for " + on, true);
            }
            throw fail(action, on, action + " failed for " + on + ": " + AwsErrors.describe(e), false);
        } catch (AwsSetupException e) {
            throw fail(action, on, action + " failed for " + on + ": " + e.getMessage(), false);
        } catch (SdkException e) {
            throw fail(action, on, action + " failed for " + on + ": " + AwsErrors.describe(e), false);
        }
    }

    private <T> Fact<T> read(String action, String on, Supplier<T> call) {
        return fact(() -> must(action, on, call));
    }

    private <T> Fact<T> readOr(String action, String on, Supplier<T> call, Set<String> notConfigured, T whenNotConfigured) {
        return fact(() -> mustOr(action, on, call, notConfigured, whenNotConfigured));
    }

    private static <T> Fact<T> fact(Supplier<T> body) {
        try {
            return Fact.known(body.get());
        } catch (ReadFailure f) {
            return Fact.unknown(f.getMessage());
        }
    }

    /** Runs {@code work} per item on the bounded item pool and waits for all; the first ReadFailure is rethrown. */
    private <I, R> List<R> forEach(Collection<I> in, java.util.function.Function<I, R> work) {
        itemsTotal.addAndGet(in.size());
        List<CompletableFuture<R>> futures = in.stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return work.apply(i);
                    } finally {
                        int done = itemsDone.incrementAndGet();
                        if (done % 10 == 0) {
                            int total = Math.max(done, itemsTotal.get());
                            progress.update(source, 0.1 + 0.85 * done / total,
                                    "read " + done + " of " + total + " buckets, users, roles, log groups and certificates");
                        }
                    }
                }, items)).toList();
        List<R> out = new ArrayList<>(futures.size());
        ReadFailure first = null;
        for (CompletableFuture<R> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof ReadFailure rf) {
                    first = first == null ? rf : first;
                } else {
                    throw e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    // ---------------------------------------------------------------- the scan

    Result run(ScanProgress progress) throws InterruptedException {
        Instant start = Instant.now();
        this.progress = progress;
        deadline = start.plus(opts.deadline());
        progress.update(source, 0, "resolving AWS profile " + aws.profile());
        String accountId;
        try {
            if (aws.profile() == null || aws.profile().isBlank()) {
                throw new AwsSetupException("environments." + env.name() + ".aws has no profile: name a profile from "
                        + fileNames);
            }
            AwsCredentialResolver resolver = new AwsCredentialResolver(profiles, fileNames, opts.ssoCacheDir(),
                    new AwsCredentialResolver.ClientFactory() {
                        @Override
                        public StsClient sts(Region region, AwsCredentialsProvider c) {
                            return client(StsClient.builder(), region, c, false);
                        }

                        @Override
                        public SsoClient sso(Region region) {
                            return client(SsoClient.builder(), region, AnonymousCredentialsProvider.create(), false);
                        }

                        @Override
                        public SsoOidcClient ssoOidc(Region region) {
                            return client(SsoOidcClient.builder(), region, AnonymousCredentialsProvider.create(), false);
                        }
                    });
            try {
                credentials = resolver.resolve(aws.profile());
            } finally {
                closeables.addAll(resolver.closeables());
            }
            progress.update(source, 0.05, "reading account identity");
            StsClient sts = client(StsClient.builder(), home(), credentials, false);
            accountId = sts.getCallerIdentity().account();
        } catch (AwsSetupException e) {
            return error(e.getMessage(), start);
        } catch (AwsServiceException e) {
            String hint = AwsErrors.badCredentials(e)
                    ? "AWS rejected the credentials of profile '" + aws.profile() + "' (" + AwsErrors.code(e)
                    + "): renew them (aws sso login --profile " + aws.profile() + ", or fix the keys in " + fileNames + ")"
                    : "sts:GetCallerIdentity failed for profile '" + aws.profile() + "': " + AwsErrors.describe(e);
            return error(hint, start);
        } catch (SdkException e) {
            return error("could not reach AWS STS" + (endpoint == null ? "" : " at " + endpoint) + " for profile '"
                    + aws.profile() + "': " + AwsErrors.describe(e), start);
        }

        String acct = "account " + accountId;
        progress.update(source, 0.1, "reading S3, IAM, RDS, Logs and ACM of " + acct);
        CompletableFuture<Fact<List<Bucket>>> buckets = section(() -> buckets(acct));
        CompletableFuture<Fact<PublicAccessBlock>> accountPab = section(() -> accountPublicAccessBlock(accountId, acct));
        IamClient iam = client(IamClient.builder(), Region.AWS_GLOBAL, credentials, false);
        CompletableFuture<Fact<CredentialReport>> report = section(() -> credentialReport(iam, acct));
        CompletableFuture<Fact<PasswordPolicy>> passwordPolicy = section(() -> passwordPolicy(iam, acct));
        CompletableFuture<Fact<List<IamRole>>> roles = section(() -> roles(iam, acct));
        CompletableFuture<Fact<List<IamUser>>> users = report.thenApplyAsync(r -> users(iam, acct, r), sections);
        CompletableFuture<Fact<RootAccount>> root = report.thenApplyAsync(r -> root(iam, acct, r), sections);
        List<CompletableFuture<Fact<List<DbInstance>>>> dbs = new ArrayList<>();
        List<CompletableFuture<Fact<List<LogGroup>>>> logs = new ArrayList<>();
        List<CompletableFuture<Fact<List<AcmCertificate>>>> certs = new ArrayList<>();
        for (String r : aws.regions()) {
            Region region = Region.of(r);
            dbs.add(section(() -> databases(region)));
            logs.add(section(() -> logGroups(region)));
            certs.add(section(() -> certificates(region)));
        }

        AwsEnvironment result = new AwsEnvironment(env.name(), env.production(), aws.profile(), aws.regions(), aws.tag(),
                Fact.known(accountId),
                await(accountPab, "s3:GetAccountPublicAccessBlock", acct),
                await(buckets, "S3 bucket reads", acct),
                await(root, "iam:GetCredentialReport", acct),
                await(passwordPolicy, "iam:GetAccountPasswordPolicy", acct),
                await(users, "IAM user reads", acct),
                await(roles, "iam:ListRoles", acct),
                concat(dbs, "rds:DescribeDBInstances", acct),
                concat(logs, "logs:DescribeLogGroups", acct),
                concat(certs, "acm:ListCertificates", acct));
        progress.update(source, 1, "done");
        long ms = Duration.between(start, Instant.now()).toMillis();
        List<Failure> failed = List.copyOf(failures);
        SourceStatus status = failed.isEmpty()
                ? new SourceStatus(source, SourceState.OK, null, apiCalls.get(), ms)
                : new SourceStatus(source, SourceState.PARTIAL, partialMessage(failed), apiCalls.get(), ms);
        return new Result(result, status);
    }

    private <T> CompletableFuture<T> section(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, sections);
    }

    private <T> Fact<T> await(CompletableFuture<Fact<T>> f, String what, String on) throws InterruptedException {
        long remaining = Math.max(1, Duration.between(Instant.now(), deadline).toMillis() + 5_000);
        try {
            return f.get(remaining, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            String msg = what + " for " + on + " did not finish within the scan deadline of "
                    + opts.deadline().toSeconds() + " s";
            failures.add(new Failure(what, on, msg, false));
            return Fact.unknown(msg);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String msg = what + " failed for " + on + ": " + (c instanceof ReadFailure ? c.getMessage() : AwsErrors.describe(c));
            if (!(c instanceof ReadFailure)) {
                LOG.warn("unexpected failure in {} for {}", what, source, c);
                failures.add(new Failure(what, on, msg, false));
            }
            return Fact.unknown(c instanceof ReadFailure ? c.getMessage() : msg);
        }
    }

    private <T> Fact<List<T>> concat(List<CompletableFuture<Fact<List<T>>>> perRegion, String what, String on)
            throws InterruptedException {
        List<T> all = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (CompletableFuture<Fact<List<T>>> f : perRegion) {
            Fact<List<T>> one = await(f, what, on);
            if (one.isKnown()) {
                all.addAll(one.value());
            } else {
                errors.add(one.error());
            }
        }
        return errors.isEmpty() ? Fact.known(List.copyOf(all)) : Fact.unknown(String.join("; ", errors));
    }

    private Result error(String message, Instant start) {
        long ms = Duration.between(start, Instant.now()).toMillis();
        Fact<?> u = Fact.unknown(message);
        @SuppressWarnings({"unchecked", "rawtypes"})
        AwsEnvironment e = new AwsEnvironment(env.name(), env.production(), aws.profile(), aws.regions(), aws.tag(),
                (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u, (Fact) u);
        return new Result(e, new SourceStatus(source, SourceState.ERROR, message, apiCalls.get(), ms));
    }

    /** {@code 3 calls failed: s3:GetBucketPolicy denied for a, b; iam:ListUsers denied for account 1. Grant …}. */
    static String partialMessage(List<Failure> failed) {
        Map<String, List<Failure>> byAction = new LinkedHashMap<>();
        for (Failure f : failed) {
            byAction.computeIfAbsent(f.action() + (f.denied() ? "|denied" : "|failed"), k -> new ArrayList<>()).add(f);
        }
        List<String> parts = new ArrayList<>();
        for (List<Failure> group : byAction.values()) {
            Failure first = group.get(0);
            List<String> on = group.stream().map(Failure::resource).distinct().sorted().toList(); // stable whatever the thread order
            String names = on.stream().limit(5).collect(Collectors.joining(", "))
                    + (on.size() > 5 ? " and " + (on.size() - 5) + " more" : "");
            if (first.denied()) {
                parts.add(first.action() + " denied for " + names);
            } else {
                parts.add(group.size() == 1 ? first.message() : first.message() + " (and " + (group.size() - 1)
                        + " more like it)");
            }
        }
        boolean anyDenied = failed.stream().anyMatch(Failure::denied);
        return failed.size() + (failed.size() == 1 ? " call" : " calls") + " failed: " + String.join("; ", parts)
                + (anyDenied ? ". Grant the read-only permissions in assets/aws-scan-policy.json "
                + "(docs/aws-permissions.md)." : ".");
    }

    // ---------------------------------------------------------------- S3

    private Fact<List<Bucket>> buckets(String acct) {
        return fact(() -> {
            S3Client global = s3(Region.US_EAST_1);
            List<software.amazon.awssdk.services.s3.model.Bucket> raw = must("s3:ListAllMyBuckets", acct,
                    () -> global.listBucketsPaginator(r -> r.maxBuckets(1000)).buckets().stream().toList());
            return forEach(raw, this::bucket);
        });
    }

    private Bucket bucket(software.amazon.awssdk.services.s3.model.Bucket b) {
        String name = b.name();
        String region = b.bucketRegion();
        if (region == null || region.isBlank()) {
            Fact<String> loc = read("s3:GetBucketLocation", name, () -> {
                String c = s3(Region.US_EAST_1).getBucketLocation(r -> r.bucket(name)).locationConstraintAsString();
                return c == null || c.isBlank() || "null".equals(c) ? "us-east-1" : "EU".equals(c) ? "eu-west-1" : c;
            });
            region = loc.value();
        }
        // Unknown region: the us-east-1 client follows S3's 301 redirect to the bucket's region.
        S3Client c = s3(region == null ? Region.US_EAST_1 : Region.of(region));
        Fact<BucketEncryption> encryption = readOr("s3:GetEncryptionConfiguration", name,
                () -> encryption(c.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration().rules()),
                Set.of("ServerSideEncryptionConfigurationNotFoundError"),
                new BucketEncryption(BucketEncryption.NONE, null, null));
        Fact<PublicAccessBlock> pab = readOr("s3:GetBucketPublicAccessBlock", name,
                () -> pab(c.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration()),
                Set.of("NoSuchPublicAccessBlockConfiguration"), null);
        Fact<String> policy = readOr("s3:GetBucketPolicy", name,
                () -> c.getBucketPolicy(r -> r.bucket(name)).policy(), Set.of("NoSuchBucketPolicy"), null);
        Fact<Boolean> policyPublic = policy.isKnown() && policy.value() == null
                ? Fact.known(null) // no policy: AWS's verdict would be NoSuchBucketPolicy; skip the call
                : readOr("s3:GetBucketPolicyStatus", name,
                () -> Boolean.TRUE.equals(c.getBucketPolicyStatus(r -> r.bucket(name)).policyStatus().isPublic()),
                Set.of("NoSuchBucketPolicy"), null);
        Fact<String> versioning = read("s3:GetBucketVersioning", name, () -> {
            String s = c.getBucketVersioning(r -> r.bucket(name)).statusAsString();
            return s == null || s.isBlank() ? "Disabled" : s;
        });
        Fact<BucketLogging> logging = read("s3:GetBucketLogging", name, () -> {
            var le = c.getBucketLogging(r -> r.bucket(name)).loggingEnabled();
            return le == null ? new BucketLogging(false, null, null)
                    : new BucketLogging(true, le.targetBucket(), le.targetPrefix());
        });
        Fact<Map<String, String>> tags = readOr("s3:GetBucketTagging", name, () -> {
            Map<String, String> m = new LinkedHashMap<>();
            c.getBucketTagging(r -> r.bucket(name)).tagSet().forEach(t -> m.put(t.key(), t.value()));
            return Map.copyOf(m);
        }, Set.of("NoSuchTagSet"), Map.of());
        return new Bucket(name, Bucket.arnOf(name), region, b.creationDate(), encryption, pab, policy, policyPublic,
                versioning, logging, tags);
    }

    static BucketEncryption encryption(List<ServerSideEncryptionRule> rules) {
        for (ServerSideEncryptionRule rule : rules) {
            ServerSideEncryptionByDefault d = rule.applyServerSideEncryptionByDefault();
            if (d == null) {
                continue;
            }
            String alg = d.sseAlgorithmAsString();
            String kind = switch (alg == null ? "" : alg) {
                case "AES256" -> BucketEncryption.SSE_S3;
                case "aws:kms" -> BucketEncryption.SSE_KMS;
                case "aws:kms:dsse" -> BucketEncryption.DSSE_KMS;
                default -> alg;
            };
            return new BucketEncryption(kind, d.kmsMasterKeyID(), rule.bucketKeyEnabled());
        }
        return new BucketEncryption(BucketEncryption.NONE, null, null);
    }

    private static PublicAccessBlock pab(software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration c) {
        return c == null ? null : new PublicAccessBlock(Boolean.TRUE.equals(c.blockPublicAcls()),
                Boolean.TRUE.equals(c.ignorePublicAcls()), Boolean.TRUE.equals(c.blockPublicPolicy()),
                Boolean.TRUE.equals(c.restrictPublicBuckets()));
    }

    private Fact<PublicAccessBlock> accountPublicAccessBlock(String accountId, String acct) {
        var builder = S3ControlClient.builder();
        if (endpoint != null) {
            // The endpoint rules would put the account id in front of the host (ACCOUNT.127.0.0.1):
            // with a single custom endpoint, S3 Control is addressed at that endpoint as is.
            Endpoint fixed = Endpoint.builder().url(endpoint).build();
            builder.endpointProvider(params -> CompletableFuture.completedFuture(fixed));
        }
        S3ControlClient control = client(builder, home(), credentials, endpoint != null);
        return readOr("s3:GetAccountPublicAccessBlock", acct, () -> {
            var c = control.getPublicAccessBlock(r -> r.accountId(accountId)).publicAccessBlockConfiguration();
            return c == null ? null : new PublicAccessBlock(Boolean.TRUE.equals(c.blockPublicAcls()),
                    Boolean.TRUE.equals(c.ignorePublicAcls()), Boolean.TRUE.equals(c.blockPublicPolicy()),
                    Boolean.TRUE.equals(c.restrictPublicBuckets()));
        }, Set.of("NoSuchPublicAccessBlockConfiguration"), null);
    }

    // ---------------------------------------------------------------- IAM

    private Fact<CredentialReport> credentialReport(IamClient iam, String acct) {
        return fact(() -> {
            Instant until = Instant.now().plus(opts.credentialReportTimeout());
            while (true) {
                ReportStateType state = must("iam:GenerateCredentialReport", acct,
                        () -> iam.generateCredentialReport().state());
                if (state == ReportStateType.COMPLETE) {
                    break;
                }
                pause(until, "iam:GenerateCredentialReport", acct);
            }
            while (true) {
                // "not ready" / "not present" right after COMPLETE: IAM is eventually consistent, poll again
                String csv = must("iam:GetCredentialReport", acct, () -> {
                    try {
                        return iam.getCredentialReport().content().asUtf8String();
                    } catch (CredentialReportNotReadyException | CredentialReportNotPresentException e) {
                        return null;
                    }
                });
                if (csv != null) {
                    return CredentialReport.parse(csv);
                }
                pause(until, "iam:GetCredentialReport", acct);
            }
        });
    }

    private void pause(Instant until, String action, String on) {
        if (Instant.now().isAfter(until)) {
            throw fail(action, on, "the IAM credential report for " + on + " was still being generated after "
                    + opts.credentialReportTimeout().toSeconds() + " s", false);
        }
        try {
            Thread.sleep(opts.credentialReportPoll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(action, on, action + " interrupted for " + on, false);
        }
    }

    private Fact<RootAccount> root(IamClient iam, String acct, Fact<CredentialReport> report) {
        CredentialReport.Row row = report.isKnown() ? report.value().root() : null;
        if (row != null) {
            return Fact.known(new RootAccount(Fact.known(row.flag("mfa_active")),
                    Fact.known(row.flag("access_key_1_active") || row.flag("access_key_2_active"))));
        }
        Fact<Map<String, Integer>> summary = read("iam:GetAccountSummary", acct,
                () -> iam.getAccountSummary().summaryMapAsStrings());
        return Fact.known(new RootAccount(
                summary.map(m -> Objects.equals(m.get("AccountMFAEnabled"), 1)),
                summary.map(m -> Objects.equals(m.get("AccountAccessKeysPresent"), 1))));
    }

    private Fact<PasswordPolicy> passwordPolicy(IamClient iam, String acct) {
        return readOr("iam:GetAccountPasswordPolicy", acct, () -> {
            var p = iam.getAccountPasswordPolicy().passwordPolicy();
            return new PasswordPolicy(p.minimumPasswordLength() == null ? 0 : p.minimumPasswordLength(),
                    Boolean.TRUE.equals(p.requireSymbols()), Boolean.TRUE.equals(p.requireNumbers()),
                    Boolean.TRUE.equals(p.requireUppercaseCharacters()), Boolean.TRUE.equals(p.requireLowercaseCharacters()),
                    p.maxPasswordAge(), p.passwordReusePrevention());
        }, Set.of("NoSuchEntity"), null);
    }

    private Fact<List<IamRole>> roles(IamClient iam, String acct) {
        return fact(() -> {
            List<Role> raw = must("iam:ListRoles", acct, () -> iam.listRolesPaginator().roles().stream().toList());
            return forEach(raw, r -> {
                Fact<Map<String, String>> tags = read("iam:ListRoleTags", "role " + r.roleName(), () -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    iam.listRoleTagsPaginator(q -> q.roleName(r.roleName())).tags().forEach(t -> m.put(t.key(), t.value()));
                    return m;
                });
                return new IamRole(r.roleName(), r.arn(), decode(r.assumeRolePolicyDocument()),
                        tags.isKnown() ? Map.copyOf(tags.value()) : null);
            });
        });
    }

    private Fact<List<IamUser>> users(IamClient iam, String acct, Fact<CredentialReport> report) {
        return fact(() -> {
            List<User> raw = must("iam:ListUsers", acct, () -> iam.listUsersPaginator().users().stream().toList());
            return forEach(raw, u -> user(iam, u, report.isKnown() ? report.value().row(u.userName()) : null));
        });
    }

    private IamUser user(IamClient iam, User u, CredentialReport.Row row) {
        String name = u.userName();
        String on = "user " + name;
        Fact<Map<String, String>> tags = read("iam:ListUserTags", on, () -> {
            Map<String, String> m = new LinkedHashMap<>();
            iam.listUserTagsPaginator(r -> r.userName(name)).tags().forEach(t -> m.put(t.key(), t.value()));
            return Map.copyOf(m);
        });
        Fact<List<String>> mfaDevices = read("iam:ListMFADevices", on,
                () -> iam.listMFADevicesPaginator(r -> r.userName(name)).mfaDevices().stream()
                        .map(d -> d.serialNumber()).toList());
        Fact<Boolean> mfaActive = row != null ? Fact.known(row.flag("mfa_active")) : mfaDevices.map(l -> !l.isEmpty());
        Fact<ConsoleAccess> console = row != null
                ? Fact.known(row.flag("password_enabled")
                ? new ConsoleAccess(true, row.time("password_last_changed"), row.time("password_last_used"))
                : ConsoleAccess.none())
                : readOr("iam:GetLoginProfile", on,
                () -> new ConsoleAccess(true, iam.getLoginProfile(r -> r.userName(name)).loginProfile().createDate(),
                        u.passwordLastUsed()),
                Set.of("NoSuchEntity"), ConsoleAccess.none());
        Fact<List<AccessKey>> keys = fact(() -> {
            List<AccessKeyMetadata> meta = must("iam:ListAccessKeys", on,
                    () -> iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata().stream().toList());
            List<AccessKey> out = new ArrayList<>();
            for (AccessKeyMetadata k : meta) {
                out.add(accessKey(iam, k, name, row));
            }
            return List.copyOf(out);
        });
        Fact<List<PolicyRef>> attached = fact(() -> {
            List<AttachedPolicy> list = must("iam:ListAttachedUserPolicies", on,
                    () -> iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies().stream().toList());
            List<PolicyRef> out = new ArrayList<>();
            for (AttachedPolicy p : list) {
                out.add(new PolicyRef(p.policyName(), p.policyArn(),
                        p.policyArn().startsWith(AWS_MANAGED_PREFIX) ? null : policyDocument(iam, p.policyArn())));
            }
            return List.copyOf(out);
        });
        Fact<List<InlinePolicy>> inline = fact(() -> {
            List<String> names = must("iam:ListUserPolicies", on,
                    () -> iam.listUserPoliciesPaginator(r -> r.userName(name)).policyNames().stream().toList());
            List<InlinePolicy> out = new ArrayList<>();
            for (String pn : names) {
                out.add(new InlinePolicy(pn, decode(must("iam:GetUserPolicy", on + " policy " + pn,
                        () -> iam.getUserPolicy(r -> r.userName(name).policyName(pn)).policyDocument()))));
            }
            return List.copyOf(out);
        });
        Fact<List<String>> groups = read("iam:ListGroupsForUser", on,
                () -> iam.listGroupsForUserPaginator(r -> r.userName(name)).groups().stream().map(g -> g.groupName()).toList());
        Fact<List<OtherCredential>> other = fact(() -> {
            List<OtherCredential> out = new ArrayList<>();
            must("iam:ListSigningCertificates", on, () -> iam.listSigningCertificatesPaginator(r -> r.userName(name))
                    .certificates().stream().toList())
                    .forEach(c -> out.add(new OtherCredential("signing-certificate", c.certificateId(), c.statusAsString(), null)));
            must("iam:ListSSHPublicKeys", on, () -> iam.listSSHPublicKeysPaginator(r -> r.userName(name))
                    .sshPublicKeys().stream().toList())
                    .forEach(k -> out.add(new OtherCredential("ssh-public-key", k.sshPublicKeyId(), k.statusAsString(), null)));
            must("iam:ListServiceSpecificCredentials", on, () -> iam.listServiceSpecificCredentials(r -> r.userName(name))
                    .serviceSpecificCredentials())
                    .forEach(s -> out.add(new OtherCredential("service-specific-credential",
                            s.serviceSpecificCredentialId(), s.statusAsString(), s.serviceName())));
            return List.copyOf(out);
        });
        return new IamUser(name, u.arn(), u.userId(), u.createDate(), tags, console, mfaActive, mfaDevices, keys,
                attached, inline, groups, other);
    }

    /** Last use from the credential report when its key_N_last_rotated matches this key's creation, else GetAccessKeyLastUsed. */
    private AccessKey accessKey(IamClient iam, AccessKeyMetadata k, String user, CredentialReport.Row row) {
        Instant created = k.createDate();
        if (row != null && created != null) {
            List<Integer> matches = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                Instant rotated = row.time("access_key_" + n + "_last_rotated");
                if (rotated != null && rotated.truncatedTo(ChronoUnit.SECONDS).equals(created.truncatedTo(ChronoUnit.SECONDS))) {
                    matches.add(n);
                }
            }
            if (matches.size() == 1) {
                int n = matches.get(0);
                return new AccessKey(k.accessKeyId(), k.statusAsString(), created,
                        row.time("access_key_" + n + "_last_used_date"), row.get("access_key_" + n + "_last_used_service"),
                        row.get("access_key_" + n + "_last_used_region"));
            }
        }
        var used = must("iam:GetAccessKeyLastUsed", "key " + k.accessKeyId() + " of user " + user,
                () -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(k.accessKeyId())).accessKeyLastUsed());
        return new AccessKey(k.accessKeyId(), k.statusAsString(), created,
                used == null ? null : used.lastUsedDate(),
                used == null || "N/A".equals(used.serviceName()) ? null : used.serviceName(),
                used == null || "N/A".equals(used.region()) ? null : used.region());
    }

    private String policyDocument(IamClient iam, String arn) {
        Fact<String> doc = policyDocuments.computeIfAbsent(arn, a -> read("iam:GetPolicyVersion", "policy " + a, () -> {
            String version = must("iam:GetPolicy", "policy " + a,
                    () -> iam.getPolicy(r -> r.policyArn(a)).policy().defaultVersionId());
            return decode(iam.getPolicyVersion(r -> r.policyArn(a).versionId(version)).policyVersion().document());
        }));
        if (!doc.isKnown()) {
            throw new ReadFailure(doc.error());
        }
        return doc.value();
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); JSON that is already plain is kept as is. */
    static String decode(String doc) {
        if (doc == null) {
            return null;
        }
        String t = doc.trim();
        return t.startsWith("{") ? t : URLDecoder.decode(t, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- RDS, Logs, ACM

    private Fact<List<DbInstance>> databases(Region region) {
        return fact(() -> {
            RdsClient rds = client(RdsClient.builder(), region, credentials, false);
            String r = region.id();
            List<DbInstance> out = new ArrayList<>();
            must("rds:DescribeDBInstances", r, () -> rds.describeDBInstancesPaginator().dbInstances().stream().toList())
                    .forEach(d -> out.add(new DbInstance(d.dbInstanceIdentifier(), d.dbInstanceArn(), "instance",
                            d.engine(), r, d.storageEncrypted(), d.publiclyAccessible(), tags(d.tagList()))));
            must("rds:DescribeDBClusters", r, () -> rds.describeDBClustersPaginator().dbClusters().stream().toList())
                    .forEach(c -> out.add(new DbInstance(c.dbClusterIdentifier(), c.dbClusterArn(), "cluster",
                            c.engine(), r, c.storageEncrypted(), c.publiclyAccessible(), tags(c.tagList()))));
            return List.copyOf(out);
        });
    }

    private static Map<String, String> tags(List<software.amazon.awssdk.services.rds.model.Tag> list) {
        Map<String, String> m = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(t -> m.put(t.key(), t.value()));
        }
        return Map.copyOf(m);
    }

    private Fact<List<LogGroup>> logGroups(Region region) {
        return fact(() -> {
            CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder(), region, credentials, false);
            String r = region.id();
            var groups = must("logs:DescribeLogGroups", r,
                    () -> logs.describeLogGroupsPaginator(q -> { }).logGroups().stream().toList());
            return List.copyOf(forEach(groups, g -> {
                String arn = g.logGroupArn() != null ? g.logGroupArn()
                        : g.arn() != null && g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
                Fact<Map<String, String>> tags = read("logs:ListTagsForResource", g.logGroupName(),
                        () -> Map.copyOf(logs.listTagsForResource(q -> q.resourceArn(arn)).tags()));
                return new LogGroup(g.logGroupName(), arn, r, g.retentionInDays(), g.kmsKeyId(), tags);
            }));
        });
    }

    private Fact<List<AcmCertificate>> certificates(Region region) {
        return fact(() -> {
            AcmClient acm = client(AcmClient.builder(), region, credentials, false);
            String r = region.id();
            List<CertificateSummary> list = must("acm:ListCertificates", r, () -> acm.listCertificatesPaginator(q -> q
                    .includes(f -> f.keyTypes(KeyAlgorithm.knownValues()))).certificateSummaryList().stream().toList());
            return List.copyOf(forEach(list, s -> {
                CertificateDetail d = must("acm:DescribeCertificate", s.certificateArn(),
                        () -> acm.describeCertificate(q -> q.certificateArn(s.certificateArn())).certificate());
                return new AcmCertificate(d.certificateArn(), d.domainName(), List.copyOf(d.subjectAlternativeNames()),
                        r, d.typeAsString(), d.statusAsString(), d.notBefore(), d.notAfter(), !d.inUseBy().isEmpty(),
                        List.copyOf(d.inUseBy()), d.renewalEligibilityAsString(),
                        d.renewalSummary() == null ? null : d.renewalSummary().renewalStatusAsString(),
                        d.keyAlgorithmAsString());
            }));
        });
    }

    @Override
    public void close() {
        sections.shutdownNow();
        items.shutdownNow();
        List<AutoCloseable> all;
        synchronized (closeables) {
            all = new ArrayList<>(closeables);
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {}", c, e);
            }
        }
        http.close();
    }
}
