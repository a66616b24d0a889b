package org.guichet.assist;

/**
 * The value the assistant suggests for one field of a ticket.
 *
 * @param field the field
 * @param value the value as the tickets module takes it: a category's or group's id, a type's or
 * urgency's name
 * @param label the value as people read it, in the reader's language (the category's path, the
 * group's name, the type's or urgency's wording)
 * @param confidence how sure the model is, 0 to 1; never below the administrator's threshold
 */
public record FieldSuggestion(TriageField field, String value, String label, double confidence) {
}
