package org.guichet.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned replies: the ones an agent may use on a ticket, their management, and their text
 * expanded for a ticket. Who may do what is {@link ReplyScope}'s rule.
 */
@Service
@Transactional
public class CannedReplies {

	static final String WHAT = "replies.canned";

	private final CannedReplyRepository replies;

	private final MacroRepository macros;

	private final SupportGroupRepository groups;

	private final ReplyScope scope;

	private final TicketManagement tickets;

	CannedReplies(CannedReplyRepository replies, MacroRepository macros, SupportGroupRepository groups,
			ReplyScope scope, TicketManagement tickets) {
		this.replies = replies;
		this.macros = macros;
		this.groups = groups;
		this.scope = scope;
		this.tickets = tickets;
	}

	/** How many canned replies exist, personal and shared (the tool's page counts them). */
	@Transactional(readOnly = true)
	public long count() {
		return replies.count();
	}

	/**
	 * The canned replies the agent may use: their own and those shared with their groups, whose
	 * name contains {@code text} (any case; all when null or blank), by name.
	 */
	@Transactional(readOnly = true)
	public List<CannedReply> usable(@Nullable String text, CurrentUser me) {
		String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		return replies.findUsable(me.id(), orNone(scope.groupsOf(me)), wanted);
	}

	/**
	 * The canned replies the agent manages: their personal ones, then the shared ones of the groups
	 * they supervise (an administrator: of every group).
	 */
	@Transactional(readOnly = true)
	public List<CannedReply> manageable(CurrentUser me) {
		List<CannedReply> all = new ArrayList<>(replies.findPersonal(me.id()));
		all.addAll(me.has(Role.ADMINISTRATOR) ? replies.findAllShared()
				: me.has(Role.SUPERVISOR) ? replies.findShared(orNone(scope.groupsOf(me))) : List.of());
		return all;
	}

	/**
	 * One canned reply the agent may use or manage.
	 *
	 * @throws org.guichet.system.NotFoundException when there is none, or it is another's
	 */
	@Transactional(readOnly = true)
	public CannedReply get(long id, CurrentUser me) {
		CannedReply reply = replies.findById(id).orElseThrow(() -> ReplyScope.notFound(WHAT, id));
		scope.requireUse(reply.getOwnerId(), reply.getGroupId(), me, WHAT, id);
		return reply;
	}

	/**
	 * Creates a personal canned reply, or a shared one when the definition names a group the
	 * agent manages.
	 *
	 * @throws InvalidDefinitionException with every problem (name, body, unknown placeholders, group)
	 */
	public CannedReply create(CannedReplyDefinition definition, CurrentUser me) {
		Problems problems = new Problems();
		problems.name(definition.name());
		problems.text("body", definition.body(), true);
		Long groupId = definition.groupId();
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
		CannedReply reply = new CannedReply(groupId == null ? me.id() : null, groupId);
		reply.define(definition);
		return replies.save(reply);
	}

	/**
	 * Changes a canned reply's name and body; whom it belongs to stays.
	 *
	 * @param expectedVersion the version the agent edited, null to skip the check
	 * @throws VersionMismatchException (412) when someone changed it since
	 */
	public CannedReply update(long id, @Nullable Long expectedVersion, CannedReplyDefinition definition,
			CurrentUser me) {
		CannedReply reply = manageable(id, me);
		VersionMismatchException.check(expectedVersion, reply.getVersion(), "replies.stale",
				"Changed by someone else since you opened it", reply.getName());
		Problems problems = new Problems();
		problems.name(definition.name());
		problems.text("body", definition.body(), true);
		problems.throwIfAny();
		reply.define(definition);
		return reply;
	}

	/**
	 * Deletes a canned reply.
	 *
	 * @throws ConflictException while macros post it, naming them
	 */
	public void delete(long id, CurrentUser me) {
		CannedReply reply = manageable(id, me);
		List<String> users = macros.findByCannedReplyId(id).stream().map(Macro::getName).toList();
		if (!users.isEmpty()) {
			throw new ConflictException("replies.canned.used-by-macros", "Macros post this canned reply",
					reply.getName(), String.join(", ", users));
		}
		replies.delete(reply);
	}

	/**
	 * The canned reply's body with its placeholders expanded for the ticket, as Markdown (see
	 * {@link Placeholders} for the escaping of values).
	 *
	 * @throws org.guichet.system.NotFoundException for a reply the agent may not use, or a
	 * ticket they may not see
	 */
	@Transactional(readOnly = true)
	public String expanded(long id, TicketId ticketId, CurrentUser me) {
		CannedReply reply = get(id, me);
		return expand(reply.getBody(), tickets.get(ticketId, me), me);
	}

	static String expand(String text, Ticket ticket, CurrentUser me) {
		return Placeholders.expand(text, PlaceholderValues.of(ticket, me));
	}

	private CannedReply manageable(long id, CurrentUser me) {
		CannedReply reply = replies.findById(id).orElseThrow(() -> ReplyScope.notFound(WHAT, id));
		scope.requireManage(reply.getOwnerId(), reply.getGroupId(), me, WHAT, id);
		return reply;
	}

	/** An id list for an {@code in} clause, never empty (no group has id 0). */
	static List<Long> orNone(List<Long> ids) {
		return ids.isEmpty() ? List.of(0L) : ids;
	}

}
