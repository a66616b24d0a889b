package org.guichet.tickets;

public enum TicketSort {

	NEWEST("t.id desc"), OLDEST("t.id asc"),
	PRIORITY("case t.priority when 'MAJOR' then 0 when 'VERY_HIGH' then 1 when 'HIGH' then 2 when 'MEDIUM' then 3 when 'LOW' then 4 else 5 end, t.id desc"),
	UPDATED("t.updatedAt desc, t.id desc"),
	/** The nearest SLA deadline first; tickets without one last. */
	DEADLINE("t.slaDueAt asc nulls last, t.id asc");

	private final String orderBy;

	TicketSort(String orderBy) {
		this.orderBy = orderBy;
	}

	String orderBy() {
		return orderBy;
	}

}
