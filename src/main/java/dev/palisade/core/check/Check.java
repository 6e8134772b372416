package dev.palisade.core.check;

import dev.palisade.core.Finding;
import java.util.List;

/**
 * One catalogue check: a pure function from inventory and configuration to findings. It reports a
 * PASS or FAIL for every resource it evaluated, an ERROR for every resource whose data was not
 * collected, and nothing when its source was not part of the scan.
 */
public interface Check {
    CheckMetadata metadata();

    List<Finding> evaluate(CheckContext context);
}
