package org.guichet.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.guichet.directory.CurrentUser;
import org.guichet.search.SearchWords;
import org.guichet.system.PageWindow;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;
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

	/** Resolved, closed or cancelled. */
	private static final Set<Status> DONE = EnumSet.complementOf(EnumSet.copyOf(Status.OPEN));

	/** A list's tickets with the people, group and category every row shows, in one query. */
	private static final String WITH_PEOPLE = "select t from Ticket t join fetch t.requester left join fetch t.assignee"
			+ " left join fetch t.group left join fetch t.category";

	private final EntityManager em;

	private final TicketAccess access;

	private final Categories categories;

	private final DrillDownConditions drillDowns;

	private final TicketIndex index;

	TicketSearch(EntityManager em, TicketAccess access, Categories categories, DrillDownConditions drillDowns,
			TicketIndex index) {
		this.em = em;
		this.access = access;
		this.categories = categories;
		this.drillDowns = drillDowns;
		this.index = index;
	}

	TicketSlice search(TicketQuery query, CurrentUser user) {
		Conditions conditions = conditions(query, user, memberOf(user));
		if (conditions.anyOf().size() > 1) {
			return inBranches(query, conditions);
		}
		List<Segment> segments = segments(query, conditions);
		if (!segments.isEmpty()) {
			return bySegments(query, conditions, segments);
		}
		String jpql = WITH_PEOPLE + conditions.whereClause() + " order by " + query.sort().orderBy() + limit(query);
		TypedQuery<Ticket> typed = em.createQuery(jpql, Ticket.class);
		conditions.params().forEach(typed::setParameter);
		return slice(query, typed.getResultList());
	}

	private static TicketSlice slice(TicketQuery query, List<Ticket> rows) {
		PageWindow window = window(query);
		return new TicketSlice(window.shown(rows), query.page(), query.size(), window.hasNext(rows));
	}

	/**
	 * A part of a list's order read along an index: the tickets matching {@code condition}, in the
	 * order {@code order}, which names the index's key so that the database reads it in order.
	 */
	private record Segment(String condition, Map<String, Object> params, String order) {
	}

	/**
	 * The list's order as consecutive segments, each read from an index only as far as the page
	 * needs ({@link #bySegments}), or an empty list when the list is read with one query and its
	 * order. {@link TicketSort#PRIORITY}: one segment per priority level, highest first, newest first
	 * within a level, where ordering by the level's rank would read and sort every matching ticket
	 * (0.2 s for the 9,845 new tickets of a million on PostgreSQL). {@link TicketSort#DEADLINE} in a
	 * queue of one SLA state: the tickets with a deadline along {@code (sla_state, sla_due_at)}, then
	 * those without one (paused), where sorting read every ticket of the state (31,000 breached
	 * tickets of a million, 3 s on H2 cold). Not for a search by words, whose matches (at most
	 * {@link TicketIndex#LIST_MATCHES}) are read by their ids and sorted.
	 */
	private static List<Segment> segments(TicketQuery query, Conditions conditions) {
		if (conditions.params().containsKey("textIds")) {
			return List.of();
		}
		if (query.sort() == TicketSort.PRIORITY && query.priority() == null) {
			String order = levelOrder(query.queue());
			List<Segment> levels = new ArrayList<>();
			Priority[] priorities = Priority.values();
			for (int level = priorities.length - 1; level >= 0; level--) {
				levels.add(new Segment("t.priority = " + literal(priorities[level]), Map.of(), order));
			}
			return levels;
		}
		if (query.sort() == TicketSort.DEADLINE && query.queue() != null && query.queue().isSla()) {
			String order = "t.slaState asc, t.slaDueAt asc, t.id asc";
			return List.of(new Segment("t.slaDueAt >= :dueFrom", Map.of("dueFrom", Instant.EPOCH), order),
					new Segment("t.slaDueAt is null", Map.of(), order));
		}
		return List.of();
	}

	/**
	 * The page of a list that is the union of disjoint branches ({@link Conditions#anyOf}): the
	 * first tickets of the page's order up to its end are read from each branch through the
	 * branch's own index, and the page is cut from their union, where one query with the branches
	 * joined by {@code or} (or an {@code in} list) leaves H2 no index to read in order.
	 */
	private TicketSlice inBranches(TicketQuery query, Conditions conditions) {
		PageWindow window = window(query);
		long wanted = window.offset() + window.limit();
		Set<Long> ids = new HashSet<>();
		for (Conditions branch : conditions.branches()) {
			ids.addAll(firstIds(query, branch, wanted));
		}
		if (ids.isEmpty()) {
			return new TicketSlice(List.of(), query.page(), query.size(), false);
		}
		return slice(query, em
			.createQuery(WITH_PEOPLE + " where t.id in :ids order by " + query.sort().orderBy() + limit(query),
					Ticket.class)
			.setParameter("ids", ids)
			.getResultList());
	}

	/** The ids of the first {@code wanted} tickets of the list in the page's order. */
	private List<Long> firstIds(TicketQuery query, Conditions conditions, long wanted) {
		List<Segment> segments = segments(query, conditions);
		if (!segments.isEmpty()) {
			return idsBySegments(conditions, segments, wanted);
		}
		TypedQuery<Long> typed = em.createQuery("select t.id from Ticket t" + conditions.whereClause() + " order by "
				+ query.sort().orderBy() + " limit " + wanted, Long.class);
		conditions.params().forEach(typed::setParameter);
		return typed.getResultList();
	}

	/**
	 * An enum value written into the query as a JPQL literal rather than bound as a parameter: H2
	 * plans a query with a parameter for any value of it and then, on a column that leads an index
	 * (priority, SLA state, status, type), reads the whole index range and sorts it (the unassigned
	 * queue's page at a million tickets: 68 ms at the median, 16 ms with literals). Safe: the value
	 * is one of the enum's own constants, never text from the request.
	 */
	private static String literal(Enum<?> value) {
		return value.getDeclaringClass().getName() + "." + value.name();
	}

	/** The page read segment by segment ({@link #segments}), the rows loaded by their ids. */
	private TicketSlice bySegments(TicketQuery query, Conditions conditions, List<Segment> segments) {
		PageWindow window = window(query);
		List<Long> ids = idsBySegments(conditions, segments, window.offset() + window.limit());
		List<Long> read = ids.subList((int) Math.min(window.offset(), ids.size()), ids.size());
		List<Long> pageIds = window.shown(read);
		if (pageIds.isEmpty()) {
			return new TicketSlice(List.of(), query.page(), query.size(), false);
		}
		Map<Long, Ticket> loaded = new HashMap<>();
		em.createQuery(WITH_PEOPLE + " where t.id in :ids", Ticket.class)
			.setParameter("ids", pageIds)
			.getResultList()
			.forEach(t -> loaded.put(t.id().value(), t));
		return new TicketSlice(pageIds.stream().map(loaded::get).toList(), query.page(), query.size(),
				window.hasNext(read));
	}

	/**
	 * A queue's level newest first, written as the whole key of the index that holds the queue's
	 * levels (migrations V202612010400, V202612040400, V202612040410): the conditions fix every
	 * column but the id, so the order is the id's, but H2 reads an index in order only when the
	 * order names its columns from the first, and PostgreSQL does not take "no assignee" for an
	 * equality unless the column is named.
	 */
	private static String levelOrder(@Nullable Queue queue) {
		return switch (queue == null ? Queue.ALL : queue) {
			case UNASSIGNED -> "t.status desc, fk(t.assignee) desc, t.priority desc, t.id desc";
			case MINE -> "fk(t.assignee) desc, t.inQueue desc, t.priority desc, t.id desc";
			case GROUPS -> "fk(t.group) desc, t.inQueue desc, t.priority desc, t.id desc";
			case AT_RISK, BREACHED -> "t.slaState desc, t.priority desc, t.id desc";
			case PENDING, RESOLVED -> "t.status desc, t.priority desc, t.id desc";
			case ALL -> "t.priority desc, t.id desc";
			// few tickets, read from their own index and sorted
			case REQUESTER_REPLIED, HANDLED -> "t.id desc";
		};
	}

	/** The ids of the first {@code wanted} tickets of the segments' order, segment by segment. */
	private List<Long> idsBySegments(Conditions conditions, List<Segment> segments, long wanted) {
		List<Long> ids = new ArrayList<>();
		for (Segment segment : segments) {
			if (ids.size() >= wanted) {
				break;
			}
			TypedQuery<Long> typed = em.createQuery("select t.id from Ticket t" + conditions.and(segment.condition())
				.whereClause() + " order by " + segment.order() + " limit " + (wanted - ids.size()), Long.class);
			conditions.params().forEach(typed::setParameter);
			segment.params().forEach(typed::setParameter);
			ids.addAll(typed.getResultList());
		}
		return ids;
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

	/** Counts branch by branch, as {@link #inBranches} lists: the branches share no ticket. */
	private QueueCount count(Conditions conditions, int bound) {
		int found = 0;
		for (Conditions branch : conditions.branches()) {
			if (found > bound) {
				break;
			}
			TypedQuery<Long> typed = em.createQuery(
					"select t.id from Ticket t" + branch.whereClause() + " limit " + (bound + 1 - found), Long.class);
			branch.params().forEach(typed::setParameter);
			found += typed.getResultList().size();
		}
		return new QueueCount(Math.min(found, bound), found > bound);
	}

	/** The reader's groups, read once per list or count, when a condition may need them. */
	private List<Long> memberOf(CurrentUser user) {
		return user.isAgent() ? access.groupsOf(user) : List.of();
	}

	private Conditions conditions(TicketQuery query, CurrentUser user, List<Long> groups) {
		List<String> where = new ArrayList<>();
		List<Branch> anyOf = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		visibility(user, groups, where, params);
		queue(query, user, groups, where, anyOf, params);
		if (query.status() != null) {
			where.add("t.status = " + literal(query.status()));
		}
		if (query.statusGroup() != null) {
			where.add(query.statusGroup().condition());
		}
		if (query.type() != null) {
			where.add("t.type = " + literal(query.type()));
		}
		if (query.priority() != null) {
			where.add("t.priority = " + literal(query.priority()));
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
		Set<Long> categoryIds = null;
		if (query.categoryId() != null) {
			categoryIds = Boolean.FALSE.equals(query.drillDown().subcategories()) ? Set.of(query.categoryId())
					: categories.subtree(query.categoryId());
			where.add(categoryIds.isEmpty() ? "1 = 0" : "fk(t.category) in :categoryIds");
			if (!categoryIds.isEmpty()) {
				params.put("categoryIds", categoryIds);
			}
		}
		String text = query.text();
		if (text != null && !text.isBlank()) {
			text(text.strip(), query, user, categoryIds, where, params);
		}
		drillDowns.add(query.drillDown(), where, params);
		return new Conditions(where, anyOf, params);
	}

	/**
	 * {@code #1042} is that ticket; other words are looked for in the index ({@link TicketIndex}:
	 * titles, descriptions, solutions, replies, and for the IT team internal notes), which gives the
	 * ids of the {@link TicketIndex#LIST_MATCHES} best visible matches within the list's criteria
	 * it holds (none for words that hold no word: {@link SearchWords#hasWord}); the list keeps those of them that meet every criterion, in its own order. In one
	 * requester's tickets a bare number also finds the ticket of that number.
	 */
	private void text(String text, TicketQuery query, CurrentUser user, @Nullable Set<Long> categoryIds,
			List<String> where, Map<String, Object> params) {
		if (text.startsWith("#") && isNumber(text.substring(1))) {
			where.add("t.id = :number");
			params.put("number", Long.parseLong(text.substring(1)));
			return;
		}
		if (!SearchWords.hasWord(text)) {
			// only wildcards, punctuation, common words: "*" would list every ticket (TicketFilter refuses them)
			where.add("1 = 0");
			return;
		}
		Set<Long> ids = new HashSet<>(index.matchingIds(text, user, query, categoryIds, TicketIndex.LIST_MATCHES));
		if ((query.requesterId() != null || !user.isAgent()) && isNumber(text)) {
			ids.add(Long.parseLong(text));
		}
		if (ids.isEmpty()) {
			where.add("1 = 0");
			return;
		}
		where.add("t.id in :textIds");
		params.put("textIds", ids);
	}

	/** Digits that make a ticket number: at most 18, so that they always fit a long. */
	private static boolean isNumber(String text) {
		return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/**
	 * A list query's conditions on the ticket {@code t} and their parameters: every one of
	 * {@code where} and, when {@code anyOf} is not empty, one of its branches, which share no ticket.
	 */
	private record Conditions(List<String> where, List<Branch> anyOf, Map<String, Object> shared) {

		Conditions and(String condition) {
			List<String> more = new ArrayList<>(where);
			more.add(condition);
			return new Conditions(more, anyOf, shared);
		}

		/** One query's conditions per branch, each of them without the others' {@code or}. */
		List<Conditions> branches() {
			if (anyOf.size() < 2) {
				return List.of(this);
			}
			return anyOf.stream().map(branch -> {
				Map<String, Object> params = new HashMap<>(shared);
				params.putAll(branch.params());
				return new Conditions(where, List.of(), params).and(branch.condition());
			}).toList();
		}

		/** Every parameter of {@link #whereClause}. */
		Map<String, Object> params() {
			Map<String, Object> params = new HashMap<>(shared);
			anyOf.forEach(branch -> params.putAll(branch.params()));
			return params;
		}

		String whereClause() {
			List<String> all = new ArrayList<>(where);
			if (!anyOf.isEmpty()) {
				all.add("(" + String.join(" or ", anyOf.stream().map(Branch::condition).toList()) + ")");
			}
			return all.isEmpty() ? "" : " where " + String.join(" and ", all);
		}

	}

	/** One of a list's alternative conditions, with the parameters it alone uses. */
	private record Branch(String condition, Map<String, Object> params) {
	}

	/**
	 * The page bounds, written into the query rather than bound: PostgreSQL plans a prepared
	 * statement once for any limit, and for an unknown limit it sorts every matching ticket
	 * instead of reading the first ones from the index (0.4 s instead of 1 ms on a million).
	 */
	private static String limit(TicketQuery query) {
		PageWindow window = window(query);
		return " limit " + window.limit() + " offset " + window.offset();
	}

	private static PageWindow window(TicketQuery query) {
		return new PageWindow(query.page(), query.size());
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
			List<Branch> anyOf, Map<String, Object> params) {
		if (query.queue() == null) {
			return;
		}
		switch (query.queue()) {
			case UNASSIGNED -> where.add("t.status = " + literal(Status.NEW) + " and fk(t.assignee) is null");
			case MINE -> {
				where.add("fk(t.assignee) = :mine and t.inQueue = true");
				params.put("mine", user.id());
			}
			case GROUPS -> {
				// one branch per group, each an equality that the group's index reads in order
				where.add(groups.isEmpty() ? "1 = 0" : "t.inQueue = true");
				for (Long group : groups) {
					String name = "queueGroup" + anyOf.size();
					anyOf.add(new Branch("fk(t.group) = :" + name, Map.of(name, group)));
				}
			}
			case AT_RISK, BREACHED -> {
				// open only, as these states are, but written as "not done" so that no database reads the
				// open tickets' status range (45,000 of a million) in place of the state's index
				where.add("t.slaState = " + literal(query.queue() == Queue.AT_RISK ? SlaState.AT_RISK : SlaState.BREACHED)
						+ " and t.status not in :done");
				params.put("done", DONE);
			}
			case PENDING -> where.add("t.status = " + literal(Status.PENDING));
			case RESOLVED -> where.add("t.status = " + literal(Status.RESOLVED));
			case REQUESTER_REPLIED -> {
				// a range of ix_ticket_requester_replied, which H2 does not read for "is not null"
				where.add("t.requesterRepliedAt >= :epoch");
				params.put("epoch", Instant.EPOCH);
			}
			case HANDLED -> {
				where.add(TOOK_PART);
				params.put("me", user.id());
			}
			case ALL -> {
			}
		}
	}

}
