package org.guichet.replies.web;

import org.guichet.replies.CannedReply;
import org.guichet.replies.CannedReplyDefinition;
import org.jspecify.annotations.Nullable;

/** The canned reply form, as typed: shown again as it is when refused. */
public class CannedReplyForm {

	private @Nullable String name;

	private @Nullable String body;

	private @Nullable Long groupId;

	private @Nullable Long version;

	static CannedReplyForm of(CannedReply reply) {
		CannedReplyForm form = new CannedReplyForm();
		form.name = reply.getName();
		form.body = reply.getBody();
		form.groupId = reply.getGroupId();
		form.version = reply.getVersion();
		return form;
	}

	CannedReplyDefinition definition() {
		return new CannedReplyDefinition(name, body, groupId);
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
