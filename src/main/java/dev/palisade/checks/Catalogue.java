package dev.palisade.checks;

import dev.palisade.core.check.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every check Palisade runs, in catalogue order: AWS (buckets, IAM, environments, ACM, people), TLS, Workspace, GitHub. */
public final class Catalogue {
    private static final List<Check> ALL;

    static {
        List<Check> all = new ArrayList<>();
        all.addAll(AwsChecks.all());
        all.addAll(TlsChecks.all());
        all.addAll(GoogleChecks.all());
        all.addAll(GitHubChecks.all());
        ALL = Collections.unmodifiableList(all);
    }

    private Catalogue() {
    }

    public static List<Check> all() {
        return ALL;
    }
}
