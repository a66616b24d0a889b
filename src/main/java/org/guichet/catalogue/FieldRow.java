package org.guichet.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.jspecify.annotations.Nullable;

/** How a {@link FormField} is stored, one row of {@code catalogue_form_field}. */
@Embeddable
class FieldRow {

	@Column(name = "field_key")
	private String key = "";

	@Enumerated(EnumType.STRING)
	private FieldKind kind = FieldKind.SHORT_TEXT;

	@Column(name = "label_fr")
	private String labelFr = "";

	@Column(name = "label_en")
	private String labelEn = "";

	@Column(name = "help_fr")
	private @Nullable String helpFr;

	@Column(name = "help_en")
	private @Nullable String helpEn;

	private boolean required;

	@Column(name = "default_value")
	private @Nullable String defaultValue;

	@Column(name = "min_length")
	private @Nullable Integer minLength;

	@Column(name = "max_length")
	private @Nullable Integer maxLength;

	@Column(name = "min_value")
	private @Nullable String min;

	@Column(name = "max_value")
	private @Nullable String max;

	private @Nullable String pattern;

	private @Nullable String options;

	@Column(name = "shown_when_field")
	private @Nullable String shownWhenField;

	@Column(name = "shown_when_value")
	private @Nullable String shownWhenValue;

	protected FieldRow() {
	}

	FieldRow(FormField field) {
		this.key = field.key();
		this.kind = field.kind();
		this.labelFr = field.labelFr();
		this.labelEn = field.labelEn();
		this.helpFr = field.helpFr();
		this.helpEn = field.helpEn();
		this.required = field.required();
		this.defaultValue = field.defaultValue();
		this.minLength = field.minLength();
		this.maxLength = field.maxLength();
		this.min = field.min();
		this.max = field.max();
		this.pattern = field.pattern();
		this.options = field.options().isEmpty() ? null
				: field.options().stream().map(o -> o.value() + "\t" + o.labelFr() + "\t" + o.labelEn())
					.collect(Collectors.joining("\n"));
		this.shownWhenField = field.shownWhen() == null ? null : field.shownWhen().fieldKey();
		this.shownWhenValue = field.shownWhen() == null ? null : field.shownWhen().value();
	}

	FormField field() {
		List<FieldOption> choices = options == null ? List.of()
				: Arrays.stream(options.split("\n")).map(line -> line.split("\t", 3))
					.map(parts -> new FieldOption(parts[0], parts[1], parts[2]))
					.toList();
		return new FormField(key, kind, labelFr, labelEn, helpFr, helpEn, required, defaultValue, minLength, maxLength,
				min, max, pattern, choices,
				shownWhenField == null ? null : new FieldCondition(shownWhenField, String.valueOf(shownWhenValue)));
	}

}
