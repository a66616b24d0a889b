package org.guichet.approvals;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** An approver's answer. */
public enum Verdict {

	APPROVE, REFUSE;

	/**
	 * The verdict named, case and surrounding spaces ignored.
	 *
	 * @throws InvalidInputException on {@code verdict}: {@code approval.verdict.required} when none
	 *         is given, {@code approval.verdict} when it names neither
	 */
	public static Verdict parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("verdict", "approval.verdict.required", "Choose APPROVE or REFUSE");
		}
		for (Verdict verdict : values()) {
			if (verdict.name().equalsIgnoreCase(text.strip())) {
				return verdict;
			}
		}
		throw new InvalidInputException("verdict", "approval.verdict", "A verdict is APPROVE or REFUSE", text);
	}

}
