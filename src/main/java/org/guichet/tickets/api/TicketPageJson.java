package org.guichet.tickets.api;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketSlice;

/** One page of a ticket list; pages are not counted, {@code hasNext} says whether more follow. */
record TicketPageJson(List<TicketJson> items, int page, int size, boolean hasNext) {

	static TicketPageJson of(TicketSlice slice, CurrentUser reader) {
		return new TicketPageJson(slice.tickets().stream().map(t -> TicketJson.of(t, reader)).toList(), slice.page(),
				slice.size(),
				slice.hasNext());
	}

}
