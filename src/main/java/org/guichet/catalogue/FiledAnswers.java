package org.guichet.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's form answers as its reader sees them, in their language (the ticket's JSON under
 * {@code formAnswers}, the ticket pages' block, the dossier).
 *
 * @param itemId the catalogue item filed through
 * @param item its label
 * @param formVersion the number of the form's version filed with
 * @param answers the answers in the form's order, unanswered and hidden fields left out
 */
public record FiledAnswers(long itemId, String item, int formVersion, Instant filedAt, List<Answer> answers) {

	/**
	 * One answer.
	 *
	 * @param values as stored: option values, {@code yes}/{@code no}, user ids, ISO days, file names
	 * @param shown what a person reads: labels, names, "Yes"/"Oui", values joined by commas
	 */
	public record Answer(String key, String label, FieldKind kind, List<String> values, String shown) {
	}

}
