package org.guichet.mail.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.mail.inbound.InboundMail;
import org.guichet.mail.inbound.InboundMail.MailPart;
import org.guichet.mail.inbound.InboundMails;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The original of a follow-up that came by e-mail, one click from the ticket's page for whoever
 * sees the ticket (agent or requester): its headers, its whole text, its sanitised HTML with its
 * inline images, and the {@code .eml} to download.
 */
@Controller
@RequestMapping("/mail/originals/{ticketId}/{commentId}")
@Transactional(readOnly = true)
class OriginalMailController {

	/** Images a browser shows without running anything (no SVG). */
	private static final Set<String> SAFE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private final TicketManagement tickets;

	private final IngestionLog ingested;

	OriginalMailController(TicketManagement tickets, IngestionLog ingested) {
		this.tickets = tickets;
		this.ingested = ingested;
	}

	@GetMapping
	String show(@PathVariable long ticketId, @PathVariable long commentId, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		Ticket ticket = visible(ticketId, me);
		InboundMail mail = InboundMails.read(raw(ticketId, commentId));
		String base = "/mail/originals/" + ticketId + "/" + commentId;
		String html = mail.html();
		if (html != null) {
			List<MailPart> parts = mail.parts();
			for (int i = 0; i < parts.size(); i++) {
				String contentId = parts.get(i).contentId();
				if (contentId != null) {
					html = html.replace("\"cid:" + contentId + "\"", "\"" + base + "/parts/" + i + "\"");
				}
			}
		}
		model.addAttribute("ticket", ticket);
		model.addAttribute("mail", mail);
		model.addAttribute("html", html);
		model.addAttribute("base", base);
		model.addAttribute("ticketPath", me.isAgent() ? "/agent/tickets/" + ticketId : "/portal/tickets/" + ticketId);
		return "mail/original";
	}

	@GetMapping("/eml")
	ResponseEntity<byte[]> eml(@PathVariable long ticketId, @PathVariable long commentId,
			@AuthenticationPrincipal CurrentUser me) {
		visible(ticketId, me);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("message", "rfc822"));
		headers.setContentDisposition(ContentDisposition.attachment()
			.filename("ticket-" + ticketId + "-" + commentId + ".eml", StandardCharsets.UTF_8)
			.build());
		headers.set("X-Content-Type-Options", "nosniff");
		return ResponseEntity.ok().headers(headers).body(raw(ticketId, commentId));
	}

	/** An attachment or inline image of the mail: safe images shown, anything else downloaded. */
	@GetMapping("/parts/{index}")
	ResponseEntity<byte[]> part(@PathVariable long ticketId, @PathVariable long commentId, @PathVariable int index,
			@AuthenticationPrincipal CurrentUser me) {
		visible(ticketId, me);
		List<MailPart> parts = InboundMails.read(raw(ticketId, commentId)).parts();
		if (index < 0 || index >= parts.size()) {
			throw new NotFoundException("mail.part.not-found", "No such part of the mail", index);
		}
		MailPart part = parts.get(index);
		boolean image = SAFE_IMAGES.contains(part.contentType());
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(image ? MediaType.parseMediaType(part.contentType()) : MediaType.APPLICATION_OCTET_STREAM);
		headers.setContentDisposition((image ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(part.filename(), StandardCharsets.UTF_8)
			.build());
		headers.set("X-Content-Type-Options", "nosniff");
		return ResponseEntity.ok().headers(headers).body(part.content());
	}

	private Ticket visible(long ticketId, CurrentUser me) {
		return tickets.findVisible(new TicketId(ticketId), me)
			.orElseThrow(() -> new NotFoundException("ticket.not-found", "No ticket #" + ticketId, "#" + ticketId));
	}

	private byte[] raw(long ticketId, long commentId) {
		return ingested.ofTicket(ticketId, commentId)
			.flatMap(row -> ingested.raw(row.id()))
			.orElseThrow(() -> new NotFoundException("mail.original.not-found", "No mail kept for this message",
					commentId));
	}

}
