package dev.palisade.ui.common;

import dev.palisade.core.check.Area;
import java.util.function.Predicate;
import dev.palisade.core.Finding;

/** Which dashboard a check id belongs to (by its id's family, SPEC's catalogue). */
public final class Areas {
    private Areas() {
    }

    public static Area of(String check) {
        if (check.startsWith("s3.")) {
            return Area.BUCKETS;
        }
        if (check.startsWith("env.")) {
            return Area.ENVIRONMENTS;
        }
        if (check.startsWith("tls.") || check.startsWith("acm.")) {
            return Area.CERTIFICATES;
        }
        if (check.startsWith("issue.") || check.startsWith("github.dependabot") || check.startsWith("github.secret_scanning")) {
            return Area.ISSUES;
        }
        return Area.ACCESS;
    }

    public static Predicate<Finding> in(Area a) {
        return f -> of(f.check()) == a;
    }
}
