package dev.palisade.scan;

import dev.palisade.core.config.PalisadeConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Source kind ({@code aws}, {@code tls}, {@code google}, {@code github}, {@code demo}) to the factory
 * that makes its collector, and the rule that says whether a configuration asks for it. Register
 * once at start-up, then read from any thread.
 */
public final class CollectorRegistry {
    /** The sources a configuration can name, in the order scans report them. */
    public static final List<String> KNOWN_KINDS = List.of("aws", "tls", "google", "github");

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(Predicate<PalisadeConfig> configured, CollectorFactory factory) {
    }

    /**
     * The collectors this build ships. Each source is one line here, e.g.
     * {@code r.register("tls", cfg -> new TlsCollector(cfg));}
     */
    public static CollectorRegistry standard() {
        CollectorRegistry r = new CollectorRegistry();
        r.register("aws", dev.palisade.collect.aws.AwsCollector::new);
        r.register("tls", dev.palisade.collect.tls.TlsCollector::new);
        r.register("github", dev.palisade.collect.github.GitHubCollector::fromConfig);
        return r;
    }

    /**
     * Registers a kind with the default rule for whether a configuration asks for it: {@code aws}
     * when an environment has an {@code aws:} block, {@code tls} when {@code domains:} is not empty,
     * {@code google} / {@code github} when their section is present; any other kind always.
     */
    public synchronized CollectorRegistry register(String kind, CollectorFactory factory) {
        return register(kind, defaultRule(kind), factory);
    }

    public synchronized CollectorRegistry register(String kind, Predicate<PalisadeConfig> configured,
                                                   CollectorFactory factory) {
        entries.put(kind, new Entry(configured, factory));
        return this;
    }

    public static Predicate<PalisadeConfig> defaultRule(String kind) {
        return switch (kind) {
            case "aws" -> c -> c.environments().values().stream().anyMatch(e -> e.aws() != null);
            case "tls" -> c -> !c.domains().isEmpty();
            case "google" -> c -> c.google() != null;
            case "github" -> c -> c.github() != null;
            default -> c -> true;
        };
    }

    /** Registered kinds, in registration order. */
    public synchronized Set<String> kinds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(entries.keySet()));
    }

    public synchronized boolean isRegistered(String kind) {
        return entries.containsKey(kind);
    }

    /** True when {@code config} asks for this kind (whether or not this build has its collector). */
    public synchronized boolean isConfigured(String kind, PalisadeConfig config) {
        Entry e = entries.get(kind);
        return e != null ? e.configured().test(config) : defaultRule(kind).test(config) && KNOWN_KINDS.contains(kind);
    }

    public synchronized CollectorFactory factory(String kind) {
        Entry e = entries.get(kind);
        if (e == null) {
            throw new ScanException("This build has no collector for '" + kind + "'.");
        }
        return e.factory();
    }

    /**
     * The kinds a scan runs: every configured kind when {@code only} is empty, else exactly
     * {@code only}, each of which must be known and configured.
     *
     * @throws ScanException naming the unknown or unconfigured source and what to do
     */
    public synchronized List<String> select(Set<String> only, PalisadeConfig config) {
        Set<String> all = new LinkedHashSet<>(KNOWN_KINDS);
        all.addAll(entries.keySet());
        if (only == null || only.isEmpty()) {
            List<String> kinds = all.stream().filter(k -> isConfigured(k, config)).toList();
            if (kinds.isEmpty()) {
                throw new ScanException("Nothing to scan: palisade.yaml configures no source. Add environments with"
                        + " an aws: block, domains:, google: or github: (see the README), or use --demo.");
            }
            return kinds;
        }
        for (String k : only) {
            if (!all.contains(k)) {
                throw new ScanException("Unknown source '" + k + "' in --only; expected one or more of "
                        + String.join(", ", all) + ".");
            }
            if (!isConfigured(k, config)) {
                throw new ScanException("Source '" + k + "' is not configured in palisade.yaml; " + howToConfigure(k));
            }
        }
        return all.stream().filter(only::contains).toList();
    }

    private static String howToConfigure(String kind) {
        return switch (kind) {
            case "aws" -> "add an environment with an aws: block.";
            case "tls" -> "list the host names to check under domains:.";
            case "google" -> "add a google: section with your Workspace domain.";
            case "github" -> "add a github: section with your organization.";
            default -> "configure it or leave it out of --only.";
        };
    }
}
