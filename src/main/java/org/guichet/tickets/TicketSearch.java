package org.guichet.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.hibernate.jpa.HibernateHints;
import org.springframework.stereotype.Component;

/**
 * Builds the ticket list queries: the queue, the filters, and what the caller may see. Each
 * criterion maps to an indexed column of the ticket itself ({@code fk(...)} compares the foreign
 * key, not the joined row, so that the database filters on the ticket's index), and the order is
 * the id's wherever it can be.
 */
@Component
class TicketSearch {

	/** The tickets the reader ({@code :me}) took part in, in any role. */
	private static final String TOOK_PART = "t.id in (select p.ticketId from TicketParticipant p where p.userId = :me)";

	private final EntityManager em;

	private final TicketAccess access;

	private final Categories categories;

	TicketSearch(EntityManager em, TicketAccess access, Categories categories) {
		this.em = em;
		this.access = access;
		this.categories = categories;
	}

	TicketSlice search(TicketQuery query, CurrentUser user) {
		Map<String, Object> params = new HashMap<>();
		TypedQuery<Ticket> typed = em.createQuery(select(query, user, params) + limit(query), Ticket.class);
		params.forEach(typed::setParameter);
		List<Ticket> rows = typed.getResultList();
		boolean hasNext = rows.size() > query.size();
		return new TicketSlice(hasNext ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasNext);
	}

	/**
	 * Every ticket of the list, all pages, in its order, read from one database cursor
	 * {@code fetchSize} rows at a time; the caller must close the stream, inside the transaction,
	 * and detach what it has read (the persistence context keeps each row otherwise).
	 */
	Stream<Ticket> stream(TicketQuery query, CurrentUser user, int fetchSize) {
		Map<String, Object> params = new HashMap<>();
		TypedQuery<Ticket> typed = em.createQuery(select(query, user, params), Ticket.class);
		params.forEach(typed::setParameter);
		typed.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize);
		typed.setHint(HibernateHints.HINT_READ_ONLY, true);
		return typed.getResultStream();
	}

	/** The list's query, without its page bounds, and its parameters into {@code params}. */
	private String select(TicketQuery query, CurrentUser user, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		visibility(user, where, params);
		queue(query, user, where, params);
		if (query.status() != null) {
			where.add("t.status = :status");
			params.put("status", query.status());
		}
		if (query.statusGroup() != null) {
			where.add(query.statusGroup().condition());
		}
		if (query.type() != null) {
			where.add("t.type = :type");
			params.put("type", query.type());
		}
		if (query.priority() != null) {
			where.add("t.priority = :priority");
			params.put("priority", query.priority());
		}
		if (query.groupId() != null) {
			where.add("fk(t.group) = :groupId");
			params.put("groupId", query.groupId());
		}
		if (query.assigneeId() != null) {
			where.add("fk(t.assignee) = :assigneeId");
			params.put("assigneeId", query.assigneeId());
		}
		if (query.requesterId() != null) {
			where.add("fk(t.requester) = :requesterId");
			params.put("requesterId", query.requesterId());
		}
		if (query.categoryId() != null) {
			Set<Long> categoryIds = categories.subtree(query.categoryId());
			where.add(categoryIds.isEmpty() ? "1 = 0" : "fk(t.category) in :categoryIds");
			if (!categoryIds.isEmpty()) {
				params.put("categoryIds", categoryIds);
			}
		}
		if (query.text() != null) {
			text(query.text().strip(), query.requesterId() != null || !user.isAgent(), where, params);
		}
		return "select t from Ticket t join fetch t.requester left join fetch t.assignee"
				+ " left join fetch t.group left join fetch t.category"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by "
				+ query.sort().orderBy();
	}

	/**
	 * {@code #1042} is that ticket; other text is looked for in the titles, and, in one requester's
	 * tickets (few, read from the requester's index), in the descriptions too, where a bare
	 * number also finds the ticket of that number.
	 */
	private static void text(String text, boolean oneRequester, List<String> where, Map<String, Object> params) {
		if (text.startsWith("#") && isNumber(text.substring(1))) {
			where.add("t.id = :number");
			params.put("number", Long.parseLong(text.substring(1)));
			return;
		}
		params.put("text", "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
		if (!oneRequester) {
			where.add("lower(t.title) like :text");
			return;
		}
		boolean byNumber = isNumber(text);
		where.add("(lower(t.title) like :text or lower(t.description) like :text"
				+ (byNumber ? " or t.id = :number" : "") + ")");
		if (byNumber) {
			params.put("number", Long.parseLong(text));
		}
	}

	/** Digits that make a ticket number: at most 18, so that they always fit a long. */
	private static boolean isNumber(String text) {
		return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/**
	 * The page bounds, written into the query rather than bound: PostgreSQL plans a prepared
	 * statement once for any limit, and for an unknown limit it sorts every matching ticket
	 * instead of reading the first ones from the index (0.4 s instead of 1 ms on a million).
	 * One more row than the page tells whether another page follows.
	 */
	private static String limit(TicketQuery query) {
		return " limit " + (query.size() + 1) + " offset " + (long) query.page() * query.size();
	}

	/**
	 * {@link TicketAccess#canSee} as a condition on the ticket's own columns, plus, for an agent,
	 * the tickets they took part in: the set of their participations, read once from the index
	 * {@code (user_id, ticket_id)} of {@code ticket_participant} (PostgreSQL hashes it, H2 keeps its
	 * result for the query), never a subquery per ticket over the history.
	 */
	private void visibility(CurrentUser user, List<String> where, Map<String, Object> params) {
		if (user.role() == Role.ADMINISTRATOR || (user.isAgent() && access.agentsSeeAllTickets())) {
			return;
		}
		params.put("me", user.id());
		if (user.isAgent()) {
			List<Long> groups = access.groupsOf(user);
			where.add("(fk(t.group) is null" + (groups.isEmpty() ? "" : " or fk(t.group) in :myGroups")
					+ " or fk(t.assignee) = :me or fk(t.requester) = :me or " + TOOK_PART + ")");
			if (!groups.isEmpty()) {
				params.put("myGroups", groups);
			}
		}
		else {
			where.add("(fk(t.requester) = :me or exists (select 1 from Ticket o join o.observers ob"
					+ " where o.id = t.id and ob.id = :me))");
		}
	}

	private void queue(TicketQuery query, CurrentUser user, List<String> where, Map<String, Object> params) {
		if (query.queue() == null) {
			return;
		}
		switch (query.queue()) {
			case UNASSIGNED -> where.add("t.status = org.guichet.tickets.Status.NEW and fk(t.assignee) is null");
			case MINE -> {
				where.add("fk(t.assignee) = :mine and (t.status in :open or t.requesterRepliedAt is not null)");
				params.put("mine", user.id());
				params.put("open", Status.OPEN);
			}
			case GROUPS -> {
				List<Long> groups = access.groupsOf(user);
				where.add(groups.isEmpty() ? "1 = 0"
						: "fk(t.group) in :queueGroups and (t.status in :open or t.requesterRepliedAt is not null)");
				if (!groups.isEmpty()) {
					params.put("queueGroups", groups);
					params.put("open", Status.OPEN);
				}
			}
			case AT_RISK, BREACHED -> {
				where.add("t.slaState = :slaState and t.status in :open");
				params.put("slaState", query.queue() == Queue.AT_RISK ? SlaState.AT_RISK : SlaState.BREACHED);
				params.put("open", Status.OPEN);
			}
			case PENDING -> where.add("t.status = org.guichet.tickets.Status.PENDING");
			case RESOLVED -> where.add("t.status = org.guichet.tickets.Status.RESOLVED");
			case REQUESTER_REPLIED -> where.add("t.requesterRepliedAt is not null");
			case HANDLED -> {
				where.add(TOOK_PART);
				params.put("me", user.id());
			}
			case ALL -> {
			}
		}
	}

}
