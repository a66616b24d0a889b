package org.guichet.catalogue;

/**
 * A field is shown (asked, checked, kept) only when an earlier field has a given answer: one of
 * the options of a choice field (for a multiple choice, among those ticked), or {@code yes} /
 * {@code no} of a yes/no field.
 */
public record FieldCondition(String fieldKey, String value) {
}
