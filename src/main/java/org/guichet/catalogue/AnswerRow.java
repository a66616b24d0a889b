package org.guichet.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One value of one answer, a row of {@code catalogue_answer}. */
@Embeddable
class AnswerRow {

	@Column(name = "field_key")
	private String fieldKey = "";

	@Column(name = "answer_value")
	private String value = "";

	protected AnswerRow() {
	}

	AnswerRow(String fieldKey, String value) {
		this.fieldKey = fieldKey;
		this.value = value;
	}

	String fieldKey() {
		return fieldKey;
	}

	String value() {
		return value;
	}

}
