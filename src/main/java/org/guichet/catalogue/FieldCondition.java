package org.guichet.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A field is shown (asked, checked, kept) only when an earlier field has a given answer: one of
 * the options of a choice field (for a multiple choice, among those ticked), or {@code yes} /
 * {@code no} of a yes/no field.
 */
public record FieldCondition(String fieldKey, String value) {

	/** Whether the answers hold it: the field's answer is (or, for a multiple choice, includes) the value. */
	public boolean holds(Map<String, List<String>> answers) {
		return answers.getOrDefault(fieldKey, List.of()).contains(value);
	}

}
