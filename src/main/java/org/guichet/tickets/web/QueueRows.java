package org.guichet.tickets.web;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.tickets.SlaState;
import org.guichet.tickets.Ticket;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Works out the rows of the agent's queue page ({@link QueueRow}) from a page of tickets: each
 * label is looked up once per page, not once per row.
 */
@Component
class QueueRows {

	private static final String NONE = "–";

	private final MessageSource messages;

	private final DateFormats dates;

	QueueRows(MessageSource messages, DateFormats dates) {
		this.messages = messages;
		this.dates = dates;
	}

	/**
	 * The rows of {@code tickets}, in their order.
	 *
	 * @param contextPath the application's context path ("" at the root), put before the links
	 * @param selected the ids of the tickets whose checkbox comes back ticked; may be empty
	 * @param locale the reader's language
	 */
	List<QueueRow> of(List<Ticket> tickets, String contextPath, Collection<Long> selected, Locale locale) {
		Map<String, String> labels = new HashMap<>();
		return tickets.stream().map(ticket -> row(ticket, contextPath, selected, locale, labels)).toList();
	}

	private QueueRow row(Ticket t, String contextPath, Collection<Long> selected, Locale locale,
			Map<String, String> labels) {
		long id = t.getId();
		SlaState state = t.getSlaState();
		return new QueueRow(id, t.getNumber(), t.getTitle(), contextPath + "/agent/tickets/" + id,
				id + ":" + t.getVersion(),
				messages.getMessage("queues.bulk.select", new Object[] { t.getNumber(), t.getTitle() }, locale),
				selected.contains(id), badge("status.", t.getStatus(), locale, labels),
				t.getRequesterRepliedAt() == null ? null : time(t.getRequesterRepliedAt()),
				badge("level.", t.getPriority(), locale, labels),
				state == null ? null : badge("sla.state.", state, locale, labels),
				slaDue(state, t.getSlaDueAt(), locale), t.getRequester().getFullName(), t.getRequester().isVip(),
				label("type." + t.getType(), locale, labels),
				t.getCategory() == null ? NONE : t.getCategory().getName(),
				t.getGroup() == null ? NONE : t.getGroup().getName(),
				t.getAssignee() == null ? NONE : t.getAssignee().getFullName(), time(t.getUpdatedAt()),
				time(t.getCreatedAt()), t.isMajorIncident());
	}

	/**
	 * The deadline shown under the SLA badge: only while a clock counts towards it (on track, at
	 * risk, breached). A breached ticket whose deadline is still ahead missed its first one (taking
	 * in charge) and runs towards the next (resolution): the text says so.
	 */
	private QueueRow.@Nullable Time slaDue(@Nullable SlaState state, @Nullable Instant dueAt, Locale locale) {
		if (dueAt == null || !(state == SlaState.ON_TRACK || state == SlaState.AT_RISK || state == SlaState.BREACHED)) {
			return null;
		}
		String text = dates.format(dueAt);
		if (state == SlaState.BREACHED && !dates.countdown(dueAt).late()) {
			text = messages.getMessage("sla.cell.next", new Object[] { text }, locale);
		}
		return new QueueRow.Time(dates.iso(dueAt), text);
	}

	private QueueRow.Badge badge(String prefix, Enum<?> value, Locale locale, Map<String, String> labels) {
		return new QueueRow.Badge(value.name(), label(prefix + value.name(), locale, labels));
	}

	private String label(String code, Locale locale, Map<String, String> labels) {
		return labels.computeIfAbsent(code, key -> messages.getMessage(key, null, locale));
	}

	private QueueRow.Time time(Instant instant) {
		return new QueueRow.Time(dates.iso(instant), dates.format(instant));
	}

}
