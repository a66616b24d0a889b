package org.guichet.presentation.flowchart;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.approvals.Approvals;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.BranchCounts.FactRow;
import org.guichet.tickets.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the tickets created in a period on each branch of the chart, from the ticket facts
 * ({@code ticket_fact}, the tickets module's published read model, ADR 011) in one grouped query
 * on its {@code created_at} index; the groups' levels are read from the groups now, the approvals'
 * outcomes from the approvals module ({@link Approvals#tally}).
 */
@Service
public class LifecycleMeasures {

	private final JdbcClient jdbc;

	private final SupportGroupRepository groups;

	private final ZoneId zone;

	private final Approvals approvals;

	LifecycleMeasures(JdbcClient jdbc, SupportGroupRepository groups,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone, Approvals approvals) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.zone = zone;
		this.approvals = approvals;
	}

	/**
	 * The branch counts on {@code chart} of the tickets created from {@code from} 00:00 to the day
	 * after {@code to} 00:00, local to {@code guichet.time-zone}.
	 *
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 */
	@Transactional(readOnly = true)
	public BranchCounts measure(Flowchart chart, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends before it starts");
		}
		Map<Long, SupportLevel> levels = new HashMap<>();
		for (SupportGroup group : groups.findAll()) {
			levels.put(group.getId(), group.getLevel());
		}
		ZonedDateTime start = from.atStartOfDay(zone);
		ZonedDateTime end = to.plusDays(1).atStartOfDay(zone);
		List<FactRow> rows = jdbc.sql("""
				select channel, group_id, count(*) n,
				  sum(case when status = 'CANCELLED' then 1 else 0 end) cancelled,
				  sum(case when refusal_count > 0 then 1 else 0 end) refused,
				  sum(case when closed_at is not null then 1 else 0 end) closed,
				  sum(case when closed_at is not null and rating is not null then 1 else 0 end) rated
				from ticket_fact
				where created_at >= :start and created_at < :end
				group by channel, group_id""")
			.param("start", start.toOffsetDateTime())
			.param("end", end.toOffsetDateTime())
			.query((rs, i) -> {
				long group = rs.getLong("group_id");
				SupportLevel level = rs.wasNull() ? null : levels.get(group);
				return new FactRow(Channel.valueOf(rs.getString("channel")), level, rs.getLong("n"),
						rs.getLong("cancelled"), rs.getLong("refused"), rs.getLong("closed"), rs.getLong("rated"));
			})
			.list();
		return BranchCounts.of(chart, from, to, rows, approvals.tally(start.toInstant(), end.toInstant()));
	}

}
