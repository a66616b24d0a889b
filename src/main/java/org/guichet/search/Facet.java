package org.guichet.search;

import java.util.List;

/**
 * The visible matches counted by the values of one field.
 *
 * @param field the field's name, as {@link SearchRequest#filters()} writes it ({@code status},
 * {@code type}, {@code category}, {@code group}, {@code kind})
 * @param label the field's name in the reader's language
 * @param values its values with their counts, largest first; a value with no visible match is absent
 */
public record Facet(String field, String label, List<Value> values) {

	public Facet {
		values = List.copyOf(values);
	}

	/**
	 * One value of a facet.
	 *
	 * @param value the value as a filter writes it (an enum name, an id)
	 * @param label the value in the reader's language
	 * @param count how many visible matches have it
	 */
	public record Value(String value, String label, long count) {
	}

}
