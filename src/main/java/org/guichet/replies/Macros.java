package org.guichet.replies;

import java.util.ArrayList;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.StaleTicketException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Transition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Macros: the ones an agent may apply, their management, and applying one to a ticket. Who may
 * do what is {@link ReplyScope}'s rule.
 */
@Service
@Transactional
public class Macros {

	static final String WHAT = "replies.macro";

	private final MacroRepository macros;

	private final CannedReplyRepository replies;

	private final SupportGroupRepository groups;

	private final ReplyScope scope;

	private final TicketManagement tickets;

	Macros(MacroRepository macros, CannedReplyRepository replies, SupportGroupRepository groups, ReplyScope scope,
			TicketManagement tickets) {
		this.macros = macros;
		this.replies = replies;
		this.groups = groups;
		this.scope = scope;
		this.tickets = tickets;
	}

	/** How many macros exist, personal and shared (the tool's page counts them). */
	@Transactional(readOnly = true)
	public long count() {
		return macros.count();
	}

	/** The macros the agent may apply: their own and those shared with their groups, by name. */
	@Transactional(readOnly = true)
	public List<Macro> usable(CurrentUser me) {
		return macros.findUsable(me.id(), CannedReplies.orNone(scope.groupsOf(me)));
	}

	/**
	 * The macros the agent manages: their personal ones, then the shared ones of the groups they
	 * supervise (an administrator: of every group).
	 */
	@Transactional(readOnly = true)
	public List<Macro> manageable(CurrentUser me) {
		List<Macro> all = new ArrayList<>(macros.findPersonal(me.id()));
		all.addAll(me.has(Role.ADMINISTRATOR) ? macros.findAllShared()
				: me.has(Role.SUPERVISOR) ? macros.findShared(CannedReplies.orNone(scope.groupsOf(me))) : List.of());
		return all;
	}

	/**
	 * One macro the agent may apply or manage.
	 *
	 * @throws org.guichet.system.NotFoundException when there is none, or it is another's
	 */
	@Transactional(readOnly = true)
	public Macro get(long id, CurrentUser me) {
		Macro macro = macros.findById(id).orElseThrow(() -> ReplyScope.notFound(WHAT, id));
		scope.requireUse(macro.getOwnerId(), macro.getGroupId(), me, WHAT, id);
		return macro;
	}

	/**
	 * Creates a personal macro, or a shared one when the definition names a group the agent
	 * manages.
	 *
	 * @throws InvalidDefinitionException with every problem at once
	 */
	public Macro create(MacroDefinition definition, CurrentUser me) {
		Long groupId = definition.groupId();
		Problems problems = check(definition, groupId == null ? me.id() : null, groupId, me);
		if (groupId != null) {
			if (!groups.existsById(groupId)) {
				problems.add("groupId", "group.unknown", "No such group", groupId);
			}
			else if (!scope.mayManageGroup(groupId, me)) {
				problems.add("groupId", "replies.group.not-managed",
						"Only the group's supervisors and administrators share with it");
			}
		}
		problems.throwIfAny();
		Macro macro = new Macro(groupId == null ? me.id() : null, groupId);
		macro.define(definition);
		return macros.save(macro);
	}

	/**
	 * Changes a macro's steps; whom it belongs to stays.
	 *
	 * @param expectedVersion the version the agent edited, null to skip the check
	 * @throws VersionMismatchException (412) when someone changed it since
	 */
	public Macro update(long id, @Nullable Long expectedVersion, MacroDefinition definition, CurrentUser me) {
		Macro macro = manageable(id, me);
		VersionMismatchException.check(expectedVersion, macro.getVersion(), "replies.stale",
				"Changed by someone else since you opened it", macro.getName());
		check(definition, macro.getOwnerId(), macro.getGroupId(), me).throwIfAny();
		macro.define(definition);
		return macro;
	}

	public void delete(long id, CurrentUser me) {
		macros.delete(manageable(id, me));
	}

	/**
	 * Applies the macro's steps to the ticket, each through {@link TicketManagement} with the
	 * lifecycle's rules, history and events: assignment, urgency and priority, status change
	 * (a resolution with the macro's solution, its placeholders filled in for the ticket),
	 * public reply, internal note. All in one transaction: when a step is refused, nothing is
	 * changed and the refusal propagates.
	 *
	 * @param expectedVersion the ticket's version the agent saw; null to skip the check
	 * @return the ticket after the last step
	 * @throws StaleTicketException when the ticket changed since that version
	 * @throws ConflictException the lifecycle's refusal of a step (an illegal transition, a read-only ticket…)
	 */
	public Ticket apply(long macroId, TicketId ticketId, @Nullable Long expectedVersion, CurrentUser me) {
		Macro macro = get(macroId, me);
		Ticket ticket = tickets.get(ticketId, me);
		StaleTicketException.check(ticket, expectedVersion);
		if (macro.isAssignToMe() || macro.getAssignGroupId() != null) {
			Long groupId = macro.getAssignGroupId() != null ? macro.getAssignGroupId()
					: ticket.getGroup() == null ? null : ticket.getGroup().getId();
			tickets.assign(ticketId, groupId, macro.isAssignToMe() ? me.id() : null, null, me);
		}
		if (macro.getUrgency() != null || macro.getPriority() != null) {
			tickets.update(ticketId, new TicketChanges(null, null, null, null, macro.getUrgency(), null,
					macro.getPriority(), macro.getPriority() == null ? null : macro.getName(), false, null), null, me);
		}
		MacroStatus status = macro.getStatusAction();
		if (status != null) {
			String solution = macro.getSolution() == null ? null
					: CannedReplies.expand(macro.getSolution(), tickets.get(ticketId, me), me);
			tickets.transition(ticketId, new Transition(status.action(), null, macro.getPendingReason(), solution,
					macro.getSolutionKind()), null, me);
		}
		String reply = replyText(macro, me);
		if (reply != null) {
			tickets.comment(ticketId, CannedReplies.expand(reply, tickets.get(ticketId, me), me), false, me);
		}
		if (macro.getNoteBody() != null) {
			tickets.comment(ticketId, CannedReplies.expand(macro.getNoteBody(), tickets.get(ticketId, me), me), true,
					me);
		}
		return tickets.get(ticketId, me);
	}

	private @Nullable String replyText(Macro macro, CurrentUser me) {
		Long cannedReplyId = macro.getCannedReplyId();
		if (cannedReplyId == null) {
			return macro.getReplyBody();
		}
		CannedReply reply = replies.findById(cannedReplyId)
			.orElseThrow(() -> ReplyScope.notFound(CannedReplies.WHAT, cannedReplyId));
		scope.requireUse(reply.getOwnerId(), reply.getGroupId(), me, CannedReplies.WHAT, cannedReplyId);
		return reply.getBody();
	}

	/** What is wrong with the definition of a macro of this owner or group. */
	private Problems check(MacroDefinition definition, @Nullable Long ownerId, @Nullable Long groupId,
			CurrentUser me) {
		Problems problems = new Problems();
		problems.name(definition.name());
		if (!definition.hasStep()) {
			problems.add(null, "replies.macro.empty", "A macro must do something: choose at least one step");
		}
		Long assignGroupId = definition.assignGroupId();
		if (assignGroupId != null && !groups.existsById(assignGroupId)) {
			problems.add("assignGroupId", "group.unknown", "No such group", assignGroupId);
		}
		if (definition.status() == MacroStatus.PENDING && definition.pendingReason() == null) {
			problems.add("pendingReason", "field.required", "Say what the ticket waits for");
		}
		problems.text("solution", definition.solution(), definition.status() == MacroStatus.RESOLVE);
		Long cannedReplyId = definition.cannedReplyId();
		if (cannedReplyId != null && definition.replyBody() != null) {
			problems.add("replyBody", "replies.macro.reply-twice",
					"Choose a canned reply or write the reply, not both");
		}
		if (cannedReplyId != null) {
			CannedReply reply = replies.findById(cannedReplyId).orElse(null);
			boolean fits = reply != null && (groupId != null ? groupId.equals(reply.getGroupId())
					: scope.mayUse(reply.getOwnerId(), reply.getGroupId(), me) && ownerId != null);
			if (!fits) {
				problems.add("cannedReplyId", "replies.macro.canned-reply-scope",
						"Choose one of your canned replies, or for a shared macro one shared with its group");
			}
		}
		problems.text("replyBody", definition.replyBody(), false);
		problems.text("noteBody", definition.noteBody(), false);
		return problems;
	}

	private Macro manageable(long id, CurrentUser me) {
		Macro macro = macros.findById(id).orElseThrow(() -> ReplyScope.notFound(WHAT, id));
		scope.requireManage(macro.getOwnerId(), macro.getGroupId(), me, WHAT, id);
		return macro;
	}

}
