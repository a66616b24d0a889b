package org.guichet.replies;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A saved reply: a name to find it by and a Markdown body with {@link Placeholders}. Personal
 * (an owner) or shared with a support group (a group), never both.
 */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private String body;

	private @Nullable Long ownerId;

	private @Nullable Long groupId;

	@Version
	private long version;

	protected CannedReply() {
		this.name = "";
		this.body = "";
	}

	CannedReply(@Nullable Long ownerId, @Nullable Long groupId) {
		this();
		this.ownerId = ownerId;
		this.groupId = groupId;
	}

	void define(CannedReplyDefinition definition) {
		name = definition.name().strip();
		body = definition.body();
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getBody() {
		return body;
	}

	/** The agent it belongs to; null for a shared one. */
	public @Nullable Long getOwnerId() {
		return ownerId;
	}

	/** The group it is shared with; null for a personal one. */
	public @Nullable Long getGroupId() {
		return groupId;
	}

	public boolean isShared() {
		return groupId != null;
	}

	public long getVersion() {
		return version;
	}

}
