package org.guichet.tickets;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resolved and closed tickets whose fields a member of the IT team answered for, desk-wide and
 * regardless of who asks: what the assistant learns triage from (module assist), never shown to a
 * person as such. A ticket is resolved only by the IT team (it then has an assignee, the resolver
 * when nobody had it), who may correct its fields up to then: its type, category, urgency and
 * group as they are now are those a person kept. Read by pages of ids, in ascending order, through
 * the index {@code ix_ticket_status (status, id)}.
 */
@Service
@Transactional(readOnly = true)
public class ResolvedTickets {

	/**
	 * One resolved or closed ticket's text and triage fields.
	 *
	 * @param description the description as written (Markdown), at most 20,000 characters
	 * @param categoryId null when it has no category
	 * @param groupId null when it has no group
	 * @param requesterDepartment the requester's department now, null when none is known
	 */
	public record ResolvedTicket(long id, String title, String description, TicketType type, @Nullable Long categoryId,
			Urgency urgency, @Nullable Long groupId, @Nullable String requesterDepartment) {
	}

	private final JdbcClient jdbc;

	ResolvedTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next page of resolved and closed tickets.
	 *
	 * @param afterId the last id of the previous page; 0 for the first page
	 * @param size the most tickets to give, 1 to 1,000
	 * @return the tickets with an id above {@code afterId}, by ascending id; fewer than
	 * {@code size} (possibly none) at the end
	 */
	public List<ResolvedTicket> after(long afterId, int size) {
		if (size < 1 || size > 1000) {
			throw new IllegalArgumentException("A page of resolved tickets holds 1 to 1000 tickets, not " + size);
		}
		return jdbc.sql("""
				select t.id, t.title, t.description, t.type, t.category_id, t.urgency, t.group_id, u.department
				from ticket t join app_user u on u.id = t.requester_id
				where t.status in ('RESOLVED', 'CLOSED') and t.assignee_id is not null and t.id > :after
				order by t.id
				fetch first :size rows only""")
			.param("after", afterId)
			.param("size", size)
			.query((row, n) -> new ResolvedTicket(row.getLong(1), row.getString(2), row.getString(3),
					TicketType.valueOf(row.getString(4)), row.getObject(5, Long.class), Urgency.valueOf(row.getString(6)),
					row.getObject(7, Long.class), row.getString(8)))
			.list();
	}

}
