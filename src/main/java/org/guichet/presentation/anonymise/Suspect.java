package org.guichet.presentation.anonymise;

/**
 * Something left as written that may still identify someone, for the author to check before
 * exporting.
 *
 * @param text the words left, as written
 * @param reason why it looks like it may identify someone
 * @param excerpt the anonymised text around it (about 30 characters on either side)
 */
public record Suspect(String text, Reason reason, String excerpt) {

	/** Why a piece of text is listed. */
	public enum Reason {

		/** One or two capitalised words after a title (M., Mme, Mr, Ms, Dr…): probably an unknown person's name. */
		AFTER_TITLE,

		/** A capitalised word right after a first name that was replaced: perhaps the last name of someone else with that first name. */
		AFTER_FIRST_NAME,

		/** A word in lower case that is a known person's name but also a common word (petit, blanc…), kept as the common word. */
		COMMON_WORD,

		/** A run of nine digits or more not recognised as a phone number: a number in a format not recognised, a staff number… */
		LONG_NUMBER

	}

}
