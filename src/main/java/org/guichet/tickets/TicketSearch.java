package org.guichet.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.springframework.stereotype.Component;

/**
 * Builds the ticket list queries: the queue, the filters, and what the caller may see. Each
 * criterion maps to an indexed column, and the order is the id's wherever it can be.
 */
@Component
class TicketSearch {

	private final EntityManager em;

	private final TicketAccess access;

	TicketSearch(EntityManager em, TicketAccess access) {
		this.em = em;
		this.access = access;
	}

	TicketSlice search(TicketQuery query, CurrentUser user) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		visibility(user, where, params);
		queue(query, user, where, params);
		if (query.status() != null) {
			where.add("t.status = :status");
			params.put("status", query.status());
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
			where.add("t.group.id = :groupId");
			params.put("groupId", query.groupId());
		}
		if (query.assigneeId() != null) {
			where.add("t.assignee.id = :assigneeId");
			params.put("assigneeId", query.assigneeId());
		}
		if (query.requesterId() != null) {
			where.add("t.requester.id = :requesterId");
			params.put("requesterId", query.requesterId());
		}
		if (query.categoryId() != null) {
			where.add("(t.category.id = :categoryId or t.category.parent.id = :categoryId)");
			params.put("categoryId", query.categoryId());
		}
		if (query.text() != null) {
			String text = query.text().strip();
			if (text.startsWith("#") && text.substring(1).chars().allMatch(Character::isDigit) && text.length() > 1) {
				where.add("t.id = :number");
				params.put("number", Long.parseLong(text.substring(1)));
			}
			else {
				where.add("lower(t.title) like :text");
				params.put("text", "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
			}
		}
		String jpql = "select t from Ticket t join fetch t.requester left join fetch t.assignee"
				+ " left join fetch t.group left join fetch t.category"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by "
				+ query.sort().orderBy();
		TypedQuery<Ticket> typed = em.createQuery(jpql, Ticket.class);
		params.forEach(typed::setParameter);
		List<Ticket> rows = typed.setFirstResult(query.page() * query.size())
			.setMaxResults(query.size() + 1)
			.getResultList();
		boolean hasNext = rows.size() > query.size();
		return new TicketSlice(hasNext ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasNext);
	}

	private void visibility(CurrentUser user, List<String> where, Map<String, Object> params) {
		if (user.role() == Role.ADMINISTRATOR || (user.isAgent() && access.agentsSeeAllTickets())) {
			return;
		}
		params.put("me", user.id());
		if (user.isAgent()) {
			List<Long> groups = access.groupsOf(user);
			if (groups.isEmpty()) {
				where.add("(t.group is null or t.assignee.id = :me or t.requester.id = :me)");
			}
			else {
				where.add("(t.group is null or t.group.id in :myGroups or t.assignee.id = :me or t.requester.id = :me)");
				params.put("myGroups", groups);
			}
		}
		else {
			where.add("(t.requester.id = :me or exists (select 1 from Ticket o join o.observers ob"
					+ " where o.id = t.id and ob.id = :me))");
		}
	}

	private void queue(TicketQuery query, CurrentUser user, List<String> where, Map<String, Object> params) {
		if (query.queue() == null) {
			return;
		}
		switch (query.queue()) {
			case UNASSIGNED -> where.add("t.status = org.guichet.tickets.Status.NEW and t.assignee is null");
			case MINE -> {
				where.add("t.assignee.id = :mine and t.status in :open");
				params.put("mine", user.id());
				params.put("open", Status.OPEN);
			}
			case GROUPS -> {
				List<Long> groups = access.groupsOf(user);
				where.add(groups.isEmpty() ? "1 = 0" : "t.group.id in :queueGroups and t.status in :open");
				if (!groups.isEmpty()) {
					params.put("queueGroups", groups);
					params.put("open", Status.OPEN);
				}
			}
			case PENDING -> where.add("t.status = org.guichet.tickets.Status.PENDING");
			case RESOLVED -> where.add("t.status = org.guichet.tickets.Status.RESOLVED");
			case ALL -> {
			}
		}
	}

}
