package org.guichet.tickets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the desk's attached files weigh, for the tool's page. */
@Service
public class Attachments {

	private final AttachmentRepository attachments;

	Attachments(AttachmentRepository attachments) {
		this.attachments = attachments;
	}

	/** Every ticket's attached files counted and their sizes added up, now (one aggregate query). */
	@Transactional(readOnly = true)
	public AttachmentVolume volume() {
		return attachments.volume();
	}

}
