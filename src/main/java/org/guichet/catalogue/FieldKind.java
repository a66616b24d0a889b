package org.guichet.catalogue;

/** What a field of a catalogue form asks for, which decides how its answer is checked. */
public enum FieldKind {

	/** One line of text. */
	SHORT_TEXT,
	/** Several lines of text. */
	LONG_TEXT,
	/** A decimal number, e.g. {@code 2} or {@code 1.5}. */
	NUMBER,
	/** A whole number, e.g. {@code 2}: a count of screens, of licences. */
	WHOLE_NUMBER,
	/** A calendar day, ISO {@code yyyy-MM-dd}, no time nor zone. */
	DATE,
	/** One of the field's options. */
	CHOICE,
	/** Any number of the field's options. */
	MULTIPLE_CHOICE,
	/** {@code yes} or {@code no}. */
	YES_NO,
	/** An active person of the directory, by user id. */
	USER,
	/** A file, attached to the ticket; the answer is its file name. */
	ATTACHMENT;

	/** Whether the field's answers are among its options. */
	public boolean hasOptions() {
		return this == CHOICE || this == MULTIPLE_CHOICE;
	}

	/** Whether a condition of another field may test this field's answer. */
	public boolean canBeTested() {
		return hasOptions() || this == YES_NO;
	}

}
