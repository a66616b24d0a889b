package org.guichet.system;

import java.util.function.LongSupplier;

/**
 * A number a page may show in its layout (the navbar's unread notifications, the approvals
 * waiting), counted at most once and only when the page reads it: a controller advice hands one to
 * every model, so an API call or a page that does not show it costs no query.
 */
public final class PageCount {

	private final LongSupplier counting;

	private long count = -1;

	/** @param counting reads the number (0 or more) when it is first asked for */
	public PageCount(LongSupplier counting) {
		this.counting = counting;
	}

	/** The number, read on the first call. */
	public long count() {
		if (count < 0) {
			count = counting.getAsLong();
		}
		return count;
	}

}
