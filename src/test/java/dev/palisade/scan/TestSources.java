package dev.palisade.scan;

import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckMetadata;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import java.util.ArrayList;
import java.util.List;

/** Tiny collectors and checks for orchestration tests (the real collectors have their own integration tests). */
final class TestSources {
    private TestSources() {
    }

    /** A collector whose work is a lambda. */
    interface Work {
        CollectorResult run(PalisadeConfig config) throws InterruptedException;
    }

    static CollectorFactory factory(String kind, Work work) {
        return cfg -> new Collector() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public CollectorResult collect(ScanProgress progress) throws InterruptedException {
                return work.run(cfg);
            }
        };
    }

    /** Every configured domain reached, with a FAIL for hosts starting with "bad". */
    static CollectorResult tls(PalisadeConfig cfg) {
        List<TlsEndpoint> eps = cfg.domains().stream()
                .map(d -> new TlsEndpoint(d.host(), d.port(), null, List.of(), Fact.known(null))).toList();
        return new CollectorResult(new Inventory(List.of(), new TlsInventory(eps), null, null, null),
                List.of(new SourceStatus("tls", SourceState.OK, null, eps.size(), 5)));
    }

    static CollectorResult github(PalisadeConfig cfg) {
        return new CollectorResult(new Inventory(List.of(), null, null, cfg.github().organizations().stream().map(o -> new GitHubOrg(o,
                Fact.known(true), Fact.known(List.<dev.palisade.core.inventory.GitHubMember>of()), Fact.known(List.<dev.palisade.core.inventory.GitHubRepo>of()),
                Fact.known(List.<dev.palisade.core.inventory.SecurityIssue>of()))).toList(), null),
                List.of(new SourceStatus("github", SourceState.OK, null, 3, 7)));
    }

    /** PASS/FAIL per endpoint, ERROR when the endpoint could not be read. */
    static final Check TLS_CHECK = new Check() {
        private final CheckMetadata m = new CheckMetadata("test.tls.reachable", "Endpoint reachable", Area.CERTIFICATES,
                "tls", Severity.HIGH, "Because.", "Fix it.");

        @Override
        public CheckMetadata metadata() {
            return m;
        }

        @Override
        public List<Finding> evaluate(CheckContext c) {
            List<Finding> out = new ArrayList<>();
            if (c.inventory().tls() == null) {
                return out;
            }
            for (TlsEndpoint e : c.inventory().tls().endpoints()) {
                Resource r = new Resource("tls.endpoint", e.id(), e.id());
                if (e.resolveError() != null) {
                    out.add(new Finding(m.id(), Status.ERROR, m.severity(), null, r,
                            "Endpoint " + e.id() + " could not be checked: " + e.resolveError(), m.remediation(), null));
                } else if (e.host().startsWith("bad")) {
                    out.add(new Finding(m.id(), Status.FAIL, m.severity(), null, r, "Endpoint " + e.id() + " is bad.",
                            m.remediation(), null));
                } else {
                    out.add(new Finding(m.id(), Status.PASS, m.severity(), null, r, "Endpoint " + e.id() + " is fine.",
                            m.remediation(), null));
                }
            }
            return out;
        }
    };

    /** ERROR per org when 2FA requirement unknown, else PASS/FAIL. */
    static final Check GITHUB_CHECK = new Check() {
        private final CheckMetadata m = new CheckMetadata("test.github.2fa", "2FA", Area.ACCESS, "github", Severity.HIGH,
                "Because.", "Require 2FA.");

        @Override
        public CheckMetadata metadata() {
            return m;
        }

        @Override
        public List<Finding> evaluate(CheckContext c) {
            if (!c.inventory().hasGitHub()) {
                return List.of();
            }
            GitHubOrg o = c.inventory().github().get(0);
            Resource r = new Resource("github.org", "github-org:" + o.organization(), o.organization());
            Fact<Boolean> f = o.twoFactorRequired();
            Status s = !f.isKnown() ? Status.ERROR : Boolean.TRUE.equals(f.value()) ? Status.PASS : Status.FAIL;
            return List.of(new Finding(m.id(), s, m.severity(), null, r, "Org " + o.organization() + ": "
                    + (f.isKnown() ? "read." : f.error()), m.remediation(), null));
        }
    };
}
