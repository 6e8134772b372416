package dev.palisade.core.inventory;

import java.util.Map;

/**
 * An RDS DB instance or Aurora cluster.
 *
 * @param kind {@code instance} or {@code cluster}
 * @param arn  DBInstanceArn / DBClusterArn
 */
public record DbInstance(String id, String arn, String kind, String engine, String region,
                         Boolean storageEncrypted, Boolean publiclyAccessible, Map<String, String> tags) {
}
