package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.guichet.catalogue.FieldCondition;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FieldOption;
import org.guichet.catalogue.FormField;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * One field as the administrators' form editor sends it: options one per line as
 * {@code value | French label | English label} (a line with one part uses it for all three).
 */
public class FieldForm {

	private String key = "";

	private FieldKind kind = FieldKind.SHORT_TEXT;

	private String labelFr = "";

	private String labelEn = "";

	private @Nullable String helpFr;

	private @Nullable String helpEn;

	private boolean required;

	private @Nullable String defaultValue;

	private @Nullable Integer minLength;

	private @Nullable Integer maxLength;

	private @Nullable String min;

	private @Nullable String max;

	private @Nullable String pattern;

	private @Nullable String options;

	private @Nullable String shownWhenField;

	private @Nullable String shownWhenValue;

	static FieldForm of(FormField field) {
		FieldForm form = new FieldForm();
		form.key = field.key();
		form.kind = field.kind();
		form.labelFr = field.labelFr();
		form.labelEn = field.labelEn();
		form.helpFr = field.helpFr();
		form.helpEn = field.helpEn();
		form.required = field.required();
		form.defaultValue = field.defaultValue();
		form.minLength = field.minLength();
		form.maxLength = field.maxLength();
		form.min = field.min();
		form.max = field.max();
		form.pattern = field.pattern();
		form.options = field.options().stream().map(o -> o.value() + " | " + o.labelFr() + " | " + o.labelEn())
			.collect(Collectors.joining("\n"));
		form.shownWhenField = field.shownWhen() == null ? null : field.shownWhen().fieldKey();
		form.shownWhenValue = field.shownWhen() == null ? null : field.shownWhen().value();
		return form;
	}

	/** @throws InvalidInputException as {@link FormField}'s constructor */
	FormField field() {
		List<FieldOption> choices = new ArrayList<>();
		if (options != null && kind.hasOptions()) {
			for (String line : options.split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				String[] parts = line.split("\\|", -1);
				String value = parts[0].strip();
				choices.add(parts.length >= 3 ? new FieldOption(value, parts[1].strip(), parts[2].strip())
						: new FieldOption(value, value, value));
			}
		}
		boolean conditional = shownWhenField != null && !shownWhenField.isBlank();
		return new FormField(key == null ? "" : key.strip(), kind, labelFr, labelEn, helpFr, helpEn, required,
				defaultValue, minLength, maxLength, min, max, pattern, choices,
				conditional ? new FieldCondition(shownWhenField.strip(), String.valueOf(shownWhenValue).strip()) : null);
	}

	public String getKey() {
		return key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public FieldKind getKind() {
		return kind;
	}

	public void setKind(FieldKind kind) {
		this.kind = kind;
	}

	public String getLabelFr() {
		return labelFr;
	}

	public void setLabelFr(String labelFr) {
		this.labelFr = labelFr;
	}

	public String getLabelEn() {
		return labelEn;
	}

	public void setLabelEn(String labelEn) {
		this.labelEn = labelEn;
	}

	public @Nullable String getHelpFr() {
		return helpFr;
	}

	public void setHelpFr(@Nullable String helpFr) {
		this.helpFr = helpFr;
	}

	public @Nullable String getHelpEn() {
		return helpEn;
	}

	public void setHelpEn(@Nullable String helpEn) {
		this.helpEn = helpEn;
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public @Nullable String getDefaultValue() {
		return defaultValue;
	}

	public void setDefaultValue(@Nullable String defaultValue) {
		this.defaultValue = defaultValue;
	}

	public @Nullable Integer getMinLength() {
		return minLength;
	}

	public void setMinLength(@Nullable Integer minLength) {
		this.minLength = minLength;
	}

	public @Nullable Integer getMaxLength() {
		return maxLength;
	}

	public void setMaxLength(@Nullable Integer maxLength) {
		this.maxLength = maxLength;
	}

	public @Nullable String getMin() {
		return min;
	}

	public void setMin(@Nullable String min) {
		this.min = min;
	}

	public @Nullable String getMax() {
		return max;
	}

	public void setMax(@Nullable String max) {
		this.max = max;
	}

	public @Nullable String getPattern() {
		return pattern;
	}

	public void setPattern(@Nullable String pattern) {
		this.pattern = pattern;
	}

	public @Nullable String getOptions() {
		return options;
	}

	public void setOptions(@Nullable String options) {
		this.options = options;
	}

	public @Nullable String getShownWhenField() {
		return shownWhenField;
	}

	public void setShownWhenField(@Nullable String shownWhenField) {
		this.shownWhenField = shownWhenField;
	}

	public @Nullable String getShownWhenValue() {
		return shownWhenValue;
	}

	public void setShownWhenValue(@Nullable String shownWhenValue) {
		this.shownWhenValue = shownWhenValue;
	}

}
