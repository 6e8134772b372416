package dev.palisade.core.config;

import dev.palisade.core.inventory.EnvTag;
import java.util.List;

/**
 * An environment's {@code aws:} block.
 *
 * @param endpointUrl   optional single endpoint for every service (LocalStack-style)
 * @param tag           optional shared-account mode tag
 * @param actionProfile optional profile used only when an action runs
 */
public record AwsConfig(String profile, List<String> regions, String endpointUrl, EnvTag tag, String actionProfile) {
    public AwsConfig {
        regions = regions == null || regions.isEmpty() ? List.of("us-east-1") : List.copyOf(regions);
    }
}
