package org.guichet.replies;

import org.jspecify.annotations.Nullable;

/**
 * What an agent enters for a canned reply.
 *
 * @param name how agents find it in the picker, at most 120 characters
 * @param body Markdown with {@link Placeholders}, at most 20,000 characters
 * @param groupId the group it is shared with; null for a personal one. Fixed at creation.
 */
public record CannedReplyDefinition(@Nullable String name, @Nullable String body, @Nullable Long groupId) {

	@Override
	public String name() {
		return name == null ? "" : name;
	}

	@Override
	public String body() {
		return body == null ? "" : body;
	}

}
