package org.guichet.catalogue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one version of a catalogue form, in the order they are asked, and the one rule
 * of what an answer to it must be ({@link #fill}). Pure: the pages, the API and the demo all
 * check answers here.
 */
public record FormDefinition(List<FormField> fields) {

	/** The most fields a form has. */
	public static final int FIELDS_MAX = 60;

	/**
	 * @throws InvalidInputException when two fields share a key, a condition tests a field that is
	 *         not an earlier choice or yes/no field or an answer it cannot have, a default is not
	 *         an answer the field accepts, or there are more than {@link #FIELDS_MAX} fields
	 */
	public FormDefinition {
		fields = List.copyOf(fields);
		if (fields.size() > FIELDS_MAX) {
			throw new InvalidInputException("fields", "catalogue.form.too-many", "At most " + FIELDS_MAX + " fields",
					FIELDS_MAX);
		}
		InputChecks checks = new InputChecks();
		Map<String, FormField> earlier = new HashMap<>();
		for (FormField field : fields) {
			checks.check(() -> checkCondition(field, earlier));
			checks.check(() -> checkDateBounds(field, earlier));
			checks.check(() -> checkDefault(field));
			if (earlier.putIfAbsent(field.key(), field) != null) {
				checks.check(() -> {
					throw new InvalidInputException("fields." + field.key() + ".key", "catalogue.field.key-twice",
							"Two fields have the key " + field.key(), field.key());
				});
			}
		}
		checks.refuseIfAny();
	}

	/** The field with this key, or null when the form has none. */
	public @Nullable FormField field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
	}

	/**
	 * Checks every answer against the form: the fields shown (their condition holds, on the
	 * answers as checked) are checked, a hidden field's answer is dropped, an answer to no field
	 * is refused.
	 *
	 * @param answers by field key; a key not sent takes the field's default
	 * @param today the day of filing in the service's time zone, for dates bounded relative to it
	 * @return the answers kept, by key in the form's order, non-empty ones only
	 * @throws InvalidInputException naming every wrong answer ({@code answers.<key>}) at once
	 */
	public Map<String, List<String>> fill(Map<String, List<String>> answers, People people, LocalDate today) {
		InputChecks checks = new InputChecks();
		Set<String> known = new HashSet<>();
		fields.forEach(f -> known.add(f.key()));
		answers.keySet().stream().filter(key -> !known.contains(key)).sorted().forEach(key -> checks.check(() -> {
			throw new InvalidInputException("answers." + key, "catalogue.answer.unknown-field",
					"This form has no field " + key, key);
		}));
		Map<String, List<String>> kept = new LinkedHashMap<>();
		for (FormField field : fields) {
			if (!isShown(field, kept)) {
				continue;
			}
			List<String> checked = checks.check(() -> field.check(answers.get(field.key()), people, today, kept));
			if (checked != null && !checked.isEmpty()) {
				kept.put(field.key(), checked);
			}
		}
		checks.refuseIfAny();
		return kept;
	}

	/** Whether the field is asked, given the answers of the fields before it. */
	public static boolean isShown(FormField field, Map<String, List<String>> answers) {
		FieldCondition condition = field.shownWhen();
		return condition == null || condition.holds(answers);
	}

	private static void checkCondition(FormField field, Map<String, FormField> earlier) {
		FieldCondition condition = field.shownWhen();
		if (condition == null) {
			return;
		}
		String at = "fields." + field.key() + ".shownWhen";
		FormField tested = earlier.get(condition.fieldKey());
		if (tested == null || !tested.kind().canBeTested()) {
			throw new InvalidInputException(at, "catalogue.field.condition-field",
					"A field is shown depending on an earlier choice or yes/no field", condition.fieldKey());
		}
		boolean possible = tested.kind() == FieldKind.YES_NO ? List.of("yes", "no").contains(condition.value())
				: tested.option(condition.value()) != null;
		if (!possible) {
			throw new InvalidInputException(at, "catalogue.field.condition-value",
					"The field " + tested.key() + " cannot have the answer " + condition.value(), tested.key(),
					condition.value());
		}
	}

	/** A date bound naming another field ({@code {start}}) names an earlier date field. */
	private static void checkDateBounds(FormField field, Map<String, FormField> earlier) {
		for (String bound : new String[] { field.min(), field.max() }) {
			String key = field.kind() == FieldKind.DATE ? FormField.boundField(bound) : null;
			FormField named = key == null ? null : earlier.get(key);
			if (key != null && (named == null || named.kind() != FieldKind.DATE)) {
				throw new InvalidInputException("fields." + field.key() + ".min", "catalogue.field.date-field",
						"A date is bounded by an earlier date field: " + key + " is not one", key);
			}
		}
	}

	private static void checkDefault(FormField field) {
		if (field.defaultValue() == null) {
			return;
		}
		String at = "fields." + field.key() + ".defaultValue";
		if (field.kind() == FieldKind.USER || field.kind() == FieldKind.ATTACHMENT) {
			throw new InvalidInputException(at, "catalogue.field.no-default", "This kind of field has no default");
		}
		try {
			field.check(null, id -> true);
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(at, ex.messageKey(), ex.getMessage(), ex.arguments());
		}
	}

}
