package org.guichet.replies.api;

import org.guichet.replies.CannedReply;
import org.guichet.replies.CannedReplyDefinition;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;

/**
 * A canned reply in the API. On creation, {@code groupId} shares it with a group (null:
 * personal); on change, {@code version} is the one edited and the owner and group stay.
 * {@code id} and {@code ownerId} are read-only: ignored when sent.
 */
record CannedReplyJson(@Nullable Long id, String name, @MultiLine String body, @Nullable Long ownerId,
		@Nullable Long groupId, @Nullable Long version) {

	static CannedReplyJson of(CannedReply reply) {
		return new CannedReplyJson(reply.getId(), reply.getName(), reply.getBody(), reply.getOwnerId(),
				reply.getGroupId(), reply.getVersion());
	}

	CannedReplyDefinition definition() {
		return new CannedReplyDefinition(name, body, groupId);
	}

}
