package dev.palisade.core.inventory;

/** An inline policy with its JSON document. */
public record InlinePolicy(String name, String document) {
}
