package dev.palisade.core.config;

import java.util.List;

/** A manual identity link from {@code people:}. */
public record PersonLink(String email, List<String> aws, List<String> github) {
    public PersonLink {
        aws = aws == null ? List.of() : List.copyOf(aws);
        github = github == null ? List.of() : List.copyOf(github);
    }
}
