package org.guichet.replies.api;

import java.net.URI;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.CannedReply;
import org.guichet.replies.InvalidDefinitionException;
import org.guichet.system.IfMatch;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Canned replies, for the IT team: those one may use (own and shared with one's groups), managed
 * by their owner or, shared ones, by the group's supervisors and administrators; and a reply
 * expanded for a ticket. Another agent's personal reply answers 404.
 */
@RestController
@RequestMapping(path = "/api/v1/canned-replies", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(CannedReplyApiController.AGENTS)
class CannedReplyApiController {

	static final String AGENTS = "hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')";

	private final CannedReplies replies;

	private final MessageSource messages;

	CannedReplyApiController(CannedReplies replies, MessageSource messages) {
		this.replies = replies;
		this.messages = messages;
	}

	/**
	 * The canned replies the caller may use, by name; with {@code q}, those whose name contains
	 * it; with {@code managed=true}, those the caller manages instead.
	 */
	@GetMapping
	List<CannedReplyJson> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean managed, @AuthenticationPrincipal CurrentUser me) {
		return (managed ? replies.manageable(me) : replies.usable(q, me)).stream().map(CannedReplyJson::of).toList();
	}

	@GetMapping("/{id}")
	CannedReplyJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return CannedReplyJson.of(replies.get(id, me));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CannedReplyJson> create(@RequestBody CannedReplyJson json, @AuthenticationPrincipal CurrentUser me) {
		CannedReply reply = replies.create(json.definition(), me);
		return ResponseEntity.created(URI.create("/api/v1/canned-replies/" + reply.getId()))
			.body(CannedReplyJson.of(reply));
	}

	/**
	 * Changes the name and body, made on the version named by {@code If-Match} or the body's
	 * {@code version} (428 without either; 412 {@code record.version-stale} with {@code currentVersion} when
	 * it is not the current one).
	 */
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	CannedReplyJson update(@PathVariable long id, @RequestBody CannedReplyJson json, @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		return CannedReplyJson.of(replies.update(id, IfMatch.required(ifMatch, json.version()), json.definition(), me));
	}

	/** 409 while a macro posts it ({@code replies.canned.used-by-macros}). */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		replies.delete(id, me);
		return ResponseEntity.noContent().build();
	}

	/** The body with its placeholders expanded for the ticket, as Markdown: {@code {"body": "…"}}. */
	@GetMapping("/{id}/expanded")
	Expanded expanded(@PathVariable long id, @RequestParam long ticketId, @AuthenticationPrincipal CurrentUser me) {
		return new Expanded(replies.expanded(id, new TicketId(ticketId), me));
	}

	@ExceptionHandler(InvalidDefinitionException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidDefinitionException ex) {
		return DefinitionProblems.of(ex, messages);
	}

	record Expanded(String body) {
	}

}
