package io.qualtrack.content.catalogue;

/** One thing wrong with an author's input, pointing at the field. */
public record Violation(String field, String message) {
}
