package org.guichet.replies;

import java.util.List;
import java.util.Objects;

import org.guichet.directory.SupportGroupDeleting;
import org.guichet.system.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted group takes its shared canned replies and macros with it. It is kept while a macro
 * assigns tickets to it, or a macro of another group or agent posts one of its canned replies:
 * the veto names those macros.
 */
@Component
class GroupCleanup {

	private final MacroRepository macros;

	private final CannedReplyRepository replies;

	GroupCleanup(MacroRepository macros, CannedReplyRepository replies) {
		this.macros = macros;
		this.replies = replies;
	}

	@EventListener
	void on(SupportGroupDeleting deleting) {
		long groupId = deleting.groupId();
		List<CannedReply> shared = replies.findByGroupId(groupId);
		List<String> using = macros.findByAssignGroupId(groupId)
			.stream()
			.filter(m -> !Objects.equals(m.getGroupId(), groupId))
			.map(Macro::getName)
			.toList();
		List<String> posting = shared.stream()
			.flatMap(r -> macros.findByCannedReplyId(r.id()).stream())
			.filter(m -> !Objects.equals(m.getGroupId(), groupId))
			.map(Macro::getName)
			.toList();
		if (!using.isEmpty() || !posting.isEmpty()) {
			throw new ConflictException("replies.group.used-by-macros", "Macros refer to the group: change them first",
					deleting.name(), String.join(", ", java.util.stream.Stream.concat(using.stream(), posting.stream())
						.distinct()
						.toList()));
		}
		macros.deleteAll(macros.findByGroupId(groupId));
		macros.flush();
		replies.deleteAll(shared);
	}

}
