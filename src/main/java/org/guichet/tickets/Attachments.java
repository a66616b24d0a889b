package org.guichet.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the desk's attached files weigh, for the tool's page; the files a reply came with, for its mail. */
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

	/**
	 * The names of the public files (never internal ones) one person attached to a ticket at or
	 * after an instant, e.g. with the reply they wrote then, in the same transaction.
	 *
	 * @param uploaderId the user who attached them
	 * @param since the earliest instant, inclusive
	 * @return the names in the order attached; empty when none
	 */
	@Transactional(readOnly = true)
	public List<String> publicFileNames(TicketId ticket, long uploaderId, Instant since) {
		return attachments.findByTicket(ticket.value())
			.stream()
			.filter(file -> !file.isInternal() && !file.getCreatedAt().isBefore(since)
					&& Objects.equals(file.getUploadedBy().getId(), uploaderId))
			.map(Attachment::getFileName)
			.toList();
	}

}
