package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.Map;

/** A CloudWatch Logs log group; {@code retentionDays} null = never expire. */
public record LogGroup(String name, String arn, String region, Integer retentionDays, String kmsKeyId,
                       Fact<Map<String, String>> tags) {
}
