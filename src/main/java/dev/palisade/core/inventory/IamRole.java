package dev.palisade.core.inventory;

import java.util.Map;

/** An IAM role with its trust (assume-role) policy JSON. */
public record IamRole(String name, String arn, String trustPolicy, Map<String, String> tags) {
}
