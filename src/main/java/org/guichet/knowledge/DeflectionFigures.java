package org.guichet.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * The suggestion sessions of the portal's new-ticket form started in a period, by outcome
 * ({@link Deflection}).
 *
 * @param shown settled sessions in which at least one article was suggested (the rate's population)
 * @param opened of them, those in which a suggested article was opened
 * @param deflected of those opened, the ones no ticket followed within the window
 * @param filed settled sessions that ended in a ticket
 * @param pending sessions whose window has not passed yet: counted in none of the above
 */
public record DeflectionFigures(long shown, long opened, long deflected, long filed, long pending) {

	/** Deflections per session where a suggestion was shown (0–1), null when none was. */
	public @Nullable Double rate() {
		return shown == 0 ? null : (double) deflected / shown;
	}

	/** Deflections per session where a suggested article was opened (0–1), null when none was. */
	public @Nullable Double rateOfOpened() {
		return opened == 0 ? null : (double) deflected / opened;
	}

}
