package org.guichet.catalogue;

/**
 * One option of a choice field: the value stored and sent in the API, and its labels.
 *
 * @param value one line, no tab; compared exactly
 */
public record FieldOption(String value, String labelFr, String labelEn) {

	/** The label in French for a reader whose language is French, else in English. */
	public String label(boolean french) {
		return french ? labelFr : labelEn;
	}

}
