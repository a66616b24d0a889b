package org.guichet.replies;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.ForbiddenException;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may use and who may manage a canned reply or a macro. A personal one (an owner) is its
 * owner's alone. A shared one (a support group) is used by the group's members and managed by
 * the group's supervisors and by administrators, who manage every group's.
 */
@Component
class ReplyScope {

	private final SupportGroupRepository groups;

	ReplyScope(SupportGroupRepository groups) {
		this.groups = groups;
	}

	/** The ids of the groups the person is a member of. */
	List<Long> groupsOf(CurrentUser me) {
		return groups.findGroupIdsOfMember(me.id());
	}

	boolean mayUse(@Nullable Long ownerId, @Nullable Long groupId, CurrentUser me) {
		return ownerId != null ? ownerId == me.id() : groupId != null && groupsOf(me).contains(groupId);
	}

	/** Whether the person may create, change and delete the shared ones of this group. */
	boolean mayManageGroup(long groupId, CurrentUser me) {
		return me.has(Role.ADMINISTRATOR) || (me.has(Role.SUPERVISOR) && groupsOf(me).contains(groupId));
	}

	boolean mayManage(@Nullable Long ownerId, @Nullable Long groupId, CurrentUser me) {
		return ownerId != null ? ownerId == me.id() : groupId != null && mayManageGroup(groupId, me);
	}

	/**
	 * Refuses what the person may neither use nor manage with 404 (it does not exist for them),
	 * and what they only use with 403.
	 *
	 * @param what the message key prefix, {@code replies.canned} or {@code replies.macro}
	 */
	void requireManage(@Nullable Long ownerId, @Nullable Long groupId, CurrentUser me, String what, long id) {
		if (mayManage(ownerId, groupId, me)) {
			return;
		}
		if (mayUse(ownerId, groupId, me)) {
			throw new ForbiddenException(what + ".manage-forbidden",
					"Only the group's supervisors and administrators change its shared ones", id);
		}
		throw notFound(what, id);
	}

	void requireUse(@Nullable Long ownerId, @Nullable Long groupId, CurrentUser me, String what, long id) {
		if (!mayUse(ownerId, groupId, me) && !mayManage(ownerId, groupId, me)) {
			throw notFound(what, id);
		}
	}

	static NotFoundException notFound(String what, long id) {
		return new NotFoundException(what + ".not-found", "No such " + what + " " + id, id);
	}

}
