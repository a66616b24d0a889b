package org.guichet.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class AttachmentContent {

	@Id
	private Long attachmentId;

	private byte[] content;

	protected AttachmentContent() {
		this.attachmentId = 0L;
		this.content = new byte[0];
	}

	AttachmentContent(Long attachmentId, byte[] content) {
		this.attachmentId = attachmentId;
		this.content = content;
	}

	byte[] content() {
		return content;
	}

}
