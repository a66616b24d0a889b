package org.guichet.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.guichet.system.InvalidInputException;

/**
 * When an approval step of an item is skipped, on the answers of the request: a choice or yes/no
 * field has a given answer (as a field's {@link FieldCondition}), or a number field's answer is
 * under or over a threshold. A field not answered holds no condition: the step is asked.
 *
 * @param value the answer compared with; a decimal number for LESS_THAN and GREATER_THAN
 */
public record SkipCondition(String fieldKey, Comparison comparison, String value) {

	/** How the answer is compared with the value. */
	public enum Comparison {

		EQUALS("="), LESS_THAN("<"), GREATER_THAN(">");

		private final String sign;

		Comparison(String sign) {
			this.sign = sign;
		}

	}

	/**
	 * @throws InvalidInputException on {@code skipValue} when the value is blank, or a comparison
	 *         of numbers has no number
	 */
	public SkipCondition {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("skipValue", "catalogue.approval.skip-value-required",
					"Type the answer or the threshold the field is compared with");
		}
		if (comparison != Comparison.EQUALS && number(value) == null) {
			throw new InvalidInputException("skipValue", "catalogue.approval.skip-number",
					"A threshold is a number, such as 500", value);
		}
	}

	/** Whether the answers hold the condition. */
	public boolean holds(Map<String, List<String>> answers) {
		if (comparison == Comparison.EQUALS) {
			return new FieldCondition(fieldKey, value).holds(answers);
		}
		List<String> given = answers.getOrDefault(fieldKey, List.of());
		BigDecimal answer = given.isEmpty() ? null : number(given.get(0));
		if (answer == null) {
			return false;
		}
		int order = answer.compareTo(number(value));
		return comparison == Comparison.LESS_THAN ? order < 0 : order > 0;
	}

	/** The condition as written in the ticket's history, e.g. {@code licenceCost < 500}. */
	@Override
	public String toString() {
		return fieldKey + " " + comparison.sign + " " + value;
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
