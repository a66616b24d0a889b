package org.guichet.tickets.web;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.AttachmentFile;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves an attached file to whoever may see it, from the portal and the agent pages alike.
 * Only harmless types are shown in the browser; every other file is a download of opaque bytes,
 * so an uploaded page or script never runs in Guichet's origin.
 */
@Controller
class AttachmentController {

	private final TicketManagement tickets;

	AttachmentController(TicketManagement tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser me) {
		AttachmentFile file = tickets.download(new TicketId(id), attachmentId, me);
		return ResponseEntity.ok().headers(file.headers()).body(file.content());
	}

}
