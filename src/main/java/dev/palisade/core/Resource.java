package dev.palisade.core;

import java.util.Objects;

/**
 * What a finding is about. {@code type} is a dotted kind ({@code aws.s3.bucket}, {@code aws.iam.user},
 * {@code aws.iam.access_key}, {@code aws.account}, {@code aws.rds.instance}, {@code aws.logs.group},
 * {@code aws.acm.certificate}, {@code tls.endpoint}, {@code gws.user}, {@code gws.domain},
 * {@code github.member}, {@code github.org}, {@code github.repository}, {@code github.issue},
 * {@code person}, {@code environment}); {@code id} follows SPEC.md's resource id rules;
 * {@code name} is what a person reads.
 */
public record Resource(String type, String id, String name) {
    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (name == null) {
            name = id;
        }
    }
}
