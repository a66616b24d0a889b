package org.guichet.tickets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.guichet.directory.CurrentUser;
import org.hibernate.jpa.HibernateHints;
import org.springframework.stereotype.Component;

/**
 * Builds the ticket list queries: the queue, the filters, and what the caller may see. Each
 * criterion maps to an indexed column of the ticket itself ({@code fk(...)} compares the foreign
 * key, not the joined row, so that the database filters on the ticket's index), and the order is
 * the id's wherever it can be; a drill-down's criteria on the ticket's facts are one subquery
 * ({@link DrillDownConditions}), present only when one is set.
 */
@Component
class TicketSearch {

	/** The tickets the reader ({@code :me}) took part in, in any role. */
	private static final String TOOK_PART = "t.id in (select p.ticketId from TicketParticipant p where p.userId = :me)";

	/** A list's tickets with the people, group and category every row shows, in one query. */
	private static final String WITH_PEOPLE = "select t from Ticket t join fetch t.requester left join fetch t.assignee"
			+ " left join fetch t.group left join fetch t.category";

	private final EntityManager em;

	private final TicketAccess access;

	private final Categories categories;

	private final DrillDownConditions drillDowns;

	TicketSearch(EntityManager em, TicketAccess access, Categories categories, DrillDownConditions drillDowns) {
		this.em = em;
		this.access = access;
		this.categories = categories;
		this.drillDowns = drillDowns;
	}

	TicketSlice search(TicketQuery query, CurrentUser user) {
		Conditions conditions = conditions(query, user, memberOf(user));
		if (query.sort() == TicketSort.PRIORITY && query.priority() == null && !conditions.params().containsKey("text")) {
			return byPriority(query, conditions);
		}
		String jpql = WITH_PEOPLE + conditions.whereClause() + " order by " + query.sort().orderBy() + limit(query);
		TypedQuery<Ticket> typed = em.createQuery(jpql, Ticket.class);
		conditions.params().forEach(typed::setParameter);
		List<Ticket> rows = typed.getResultList();
		boolean hasNext = rows.size() > query.size();
		return new TicketSlice(hasNext ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasNext);
	}

	/**
	 * The page in {@link TicketSort#PRIORITY} order, read one priority level at a time, highest
	 * first, newest first within a level: each level is a range of an index ending in
	 * {@code (priority, id)}, read from its end and only as far as the page needs, where ordering
	 * by the level's rank would read and sort every matching ticket (0.2 s for the 9,845 new
	 * tickets of a million on PostgreSQL). Not for a search on the title, which no index serves:
	 * that one is read once and sorted.
	 */
	private TicketSlice byPriority(TicketQuery query, Conditions conditions) {
		long offset = (long) query.page() * query.size();
		long wanted = offset + query.size() + 1;
		List<Long> ids = new ArrayList<>();
		// "no assignee" is no equality for PostgreSQL's planner: naming the column in the order lets
		// it read ix_ticket_unassigned_priority backwards instead of sorting the level
		String order = query.queue() == Queue.UNASSIGNED ? "fk(t.assignee) desc, t.id desc" : "t.id desc";
		Priority[] levels = Priority.values();
		for (int level = levels.length - 1; level >= 0 && ids.size() < wanted; level--) {
			TypedQuery<Long> typed = em.createQuery("select t.id from Ticket t"
					+ conditions.and("t.priority = :level").whereClause() + " order by " + order + " limit "
					+ (wanted - ids.size()), Long.class);
			conditions.params().forEach(typed::setParameter);
			typed.setParameter("level", levels[level]);
			ids.addAll(typed.getResultList());
		}
		List<Long> window = ids.subList((int) Math.min(offset, ids.size()), ids.size());
		boolean hasNext = window.size() > query.size();
		List<Long> pageIds = hasNext ? window.subList(0, query.size()) : window;
		if (pageIds.isEmpty()) {
			return new TicketSlice(List.of(), query.page(), query.size(), false);
		}
		Map<Long, Ticket> loaded = new HashMap<>();
		em.createQuery(WITH_PEOPLE + " where t.id in :ids", Ticket.class)
			.setParameter("ids", pageIds)
			.getResultList()
			.forEach(t -> loaded.put(t.id().value(), t));
		return new TicketSlice(pageIds.stream().map(loaded::get).toList(), query.page(), query.size(), hasNext);
	}

	/**
	 * Every ticket of the list, all pages, in its order, read from one database cursor
	 * {@code fetchSize} rows at a time; the caller must close the stream, inside the transaction,
	 * and detach what it has read (the persistence context keeps each row otherwise).
	 */
	Stream<Ticket> stream(TicketQuery query, CurrentUser user, int fetchSize) {
		Conditions conditions = conditions(query, user, memberOf(user));
		TypedQuery<Ticket> typed = em.createQuery(
				WITH_PEOPLE + conditions.whereClause() + " order by " + query.sort().orderBy(), Ticket.class);
		conditions.params().forEach(typed::setParameter);
		typed.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize);
		typed.setHint(HibernateHints.HINT_READ_ONLY, true);
		return typed.getResultStream();
	}

	/**
	 * How many tickets each queue lists for the reader, counted up to {@code bound} and no
	 * further: each count reads at most {@code bound + 1} entries of the queue's index, whatever
	 * the number of tickets, with the very conditions of {@link #search} (visibility included).
	 */
	Map<Queue, QueueCount> count(CurrentUser user, int bound) {
		List<Long> groups = memberOf(user);
		Map<Queue, QueueCount> counts = new EnumMap<>(Queue.class);
		for (Queue queue : Queue.values()) {
			TicketQuery query = new TicketQuery(queue, null, null, null, null, null, null, null, null,
					TicketSort.NEWEST, 0, 1);
			counts.put(queue, count(conditions(query, user, groups), bound));
		}
		return counts;
	}

	/**
	 * How many tickets the list of {@code query} holds for the reader (its queue, filters,
	 * drill-down and visibility, whatever its page), counted up to {@code bound} and no further,
	 * like {@link #count(CurrentUser, int)}.
	 */
	QueueCount count(TicketQuery query, CurrentUser user, int bound) {
		return count(conditions(query, user, memberOf(user)), bound);
	}

	private QueueCount count(Conditions conditions, int bound) {
		TypedQuery<Long> typed = em.createQuery(
				"select t.id from Ticket t" + conditions.whereClause() + " limit " + (bound + 1), Long.class);
		conditions.params().forEach(typed::setParameter);
		int found = typed.getResultList().size();
		return new QueueCount(Math.min(found, bound), found > bound);
	}

	/** The reader's groups, read once per list or count, when a condition may need them. */
	private List<Long> memberOf(CurrentUser user) {
		return user.isAgent() ? access.groupsOf(user) : List.of();
	}

	private Conditions conditions(TicketQuery query, CurrentUser user, List<Long> groups) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		visibility(user, groups, where, params);
		queue(query, user, groups, where, params);
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
			Set<Long> categoryIds = Boolean.FALSE.equals(query.drillDown().subcategories()) ? Set.of(query.categoryId())
					: categories.subtree(query.categoryId());
			where.add(categoryIds.isEmpty() ? "1 = 0" : "fk(t.category) in :categoryIds");
			if (!categoryIds.isEmpty()) {
				params.put("categoryIds", categoryIds);
			}
		}
		if (query.text() != null) {
			text(query.text().strip(), query.requesterId() != null || !user.isAgent(), where, params);
		}
		drillDowns.add(query.drillDown(), where, params);
		return new Conditions(where, params);
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

	/** A list query's {@code where} conditions on the ticket {@code t}, and their parameters. */
	private record Conditions(List<String> where, Map<String, Object> params) {

		Conditions and(String condition) {
			List<String> more = new ArrayList<>(where);
			more.add(condition);
			return new Conditions(more, params);
		}

		String whereClause() {
			return where.isEmpty() ? "" : " where " + String.join(" and ", where);
		}

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
	private void visibility(CurrentUser user, List<Long> groups, List<String> where, Map<String, Object> params) {
		if (access.seesEveryTicket(user)) {
			return;
		}
		params.put("me", user.id());
		if (user.isAgent()) {
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

	private void queue(TicketQuery query, CurrentUser user, List<Long> groups, List<String> where,
			Map<String, Object> params) {
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
