package org.guichet.tickets;

import java.time.Clock;
import java.time.Instant;

import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage decided by Guichet itself rather than a person: the assistant's suggestions applied at
 * registration when they are confident enough (module assist). Each change is recorded in the
 * history without an actor, as routing's are, so that a person's later change still tells apart.
 */
@Service
@Transactional
public class AutomaticTriage {

	/**
	 * What to set; a null field is left as it is.
	 *
	 * @param categoryId an offered category
	 * @param groupId a support group; set only on a ticket that has none (routing, a mailbox, the
	 * catalogue or a person chose the group otherwise)
	 */
	public record Triage(@Nullable TicketType type, @Nullable Long categoryId, @Nullable Urgency urgency,
			@Nullable Long groupId) {
	}

	private final TicketRepository tickets;

	private final CategoryRepository categories;

	private final Categories categoryTree;

	private final SupportGroupRepository groups;

	private final DeskSettings settings;

	private final TicketManagement management;

	private final Clock clock;

	AutomaticTriage(TicketRepository tickets, CategoryRepository categories, Categories categoryTree,
			SupportGroupRepository groups, DeskSettings settings, TicketManagement management, Clock clock) {
		this.tickets = tickets;
		this.categories = categories;
		this.categoryTree = categoryTree;
		this.groups = groups;
		this.settings = settings;
		this.management = management;
		this.clock = clock;
	}

	/**
	 * Applies the triage to an open ticket not held for approval, then records {@code note} (what
	 * was applied and why, as people read it) under {@code field} in its history. A category no
	 * longer offered, a group that no longer exists and a group for a ticket that has one are
	 * skipped; the priority follows the new urgency through the desk's matrix.
	 *
	 * @return whether anything changed (nothing is recorded otherwise)
	 * @throws NotFoundException when there is no such ticket
	 */
	public boolean apply(TicketId id, Triage triage, String field, String note) {
		Ticket ticket = tickets.findById(id.value())
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket " + id, id.toString()));
		if (!Status.OPEN.contains(ticket.getStatus()) || ticket.isHeldForApproval()) {
			return false;
		}
		Triage before = triageOf(ticket);
		Instant now = clock.instant();
		if (triage.type() != null) {
			ticket.retype(triage.type(), null, now);
		}
		Long categoryId = triage.categoryId();
		if (categoryId != null && categoryTree.tree().isOffered(categoryId)) {
			categories.findById(categoryId).ifPresent(category -> ticket.categorise(category, null, now));
		}
		if (triage.urgency() != null) {
			ticket.prioritise(triage.urgency(), ticket.getImpact(), settings.priorityMatrix(), null, now);
		}
		Long groupId = triage.groupId();
		SupportGroup group = groupId == null || ticket.getGroup() != null ? null : groups.findById(groupId).orElse(null);
		if (group != null) {
			ticket.assign(group, null, null, now);
		}
		if (triageOf(ticket).equals(before)) {
			return false;
		}
		ticket.recordSystemChange(field, null, note, now);
		management.published(ticket);
		return true;
	}

	private static Triage triageOf(Ticket ticket) {
		return new Triage(ticket.getType(), ticket.getCategory() == null ? null : ticket.getCategory().getId(),
				ticket.getUrgency(), ticket.getGroup() == null ? null : ticket.getGroup().getId());
	}

}
