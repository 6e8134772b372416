package dev.palisade.collect.aws;

import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.config.AwsConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.PalisadeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes AWS CLI files into a temp dir and runs the real collector against a {@link FakeAwsServer}. */
final class AwsTestSupport {
    final Path dir;
    final Path config;
    final Path credentials;
    final Path ssoCache;
    final FakeAwsServer server;

    AwsTestSupport(Path dir, FakeAwsServer server) throws IOException {
        this.dir = dir;
        this.server = server;
        this.config = dir.resolve("config");
        this.credentials = dir.resolve("credentials");
        this.ssoCache = dir.resolve("sso-cache");
        Files.createDirectories(ssoCache);
        Files.writeString(config, "[profile acme-prod]\nregion = us-east-1\n");
        Files.writeString(credentials, "[acme-prod]\naws_access_key_id = " + FakeAwsServer.ACCESS_KEY
                + "\naws_secret_access_key = " + FakeAwsServer.SECRET_KEY + "\n");
    }

    void config(String text) throws IOException {
        Files.writeString(config, text);
    }

    void credentials(String text) throws IOException {
        Files.writeString(credentials, text);
    }

    AwsCollector.Options options() {
        return AwsCollector.Options.defaults().withFiles(config, credentials, ssoCache)
                .withTiming(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(60));
    }

    static EnvironmentConfig env(String name, String profile, String endpoint, String... regions) {
        return new EnvironmentConfig(name, name.startsWith("prod"), new AwsConfig(profile,
                regions.length == 0 ? List.of("us-east-1") : List.of(regions), endpoint, null, null));
    }

    CollectorResult scan(EnvironmentConfig... envs) throws InterruptedException {
        return scan(options(), envs);
    }

    CollectorResult scan(AwsCollector.Options opts, EnvironmentConfig... envs) throws InterruptedException {
        Map<String, EnvironmentConfig> m = new LinkedHashMap<>();
        for (EnvironmentConfig e : envs) {
            m.put(e.name(), e);
        }
        PalisadeConfig cfg = new PalisadeConfig(dir, "acme", null, m, null, null, null, null, null);
        return new AwsCollector(cfg, opts).collect(ScanProgress.NONE);
    }

    CollectorResult scanProd(String... regions) throws InterruptedException {
        return scan(env("prod", "acme-prod", server.endpoint().toString(), regions));
    }
}
