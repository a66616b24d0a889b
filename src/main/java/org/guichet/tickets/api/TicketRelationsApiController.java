package org.guichet.tickets.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketLinks;
import org.guichet.tickets.TicketMerge;
import org.guichet.tickets.TicketObservers;
import org.guichet.tickets.TicketRelation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket's links made by hand, its merge into another ticket, and its observers (docs/API.md,
 * "Links, merge, observers"). Reading the links is {@code GET …/links} in
 * {@link TicketApiController}. Every change is the IT team's: 403 for anyone else, and for an
 * agent who only reads the ticket; refusals are problem+json with {@code code} and {@code field}.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketRelationsApiController {

	private final TicketLinks links;

	private final TicketMerge merge;

	private final TicketObservers observers;

	private final ApiTransactions transactions;

	TicketRelationsApiController(TicketLinks links, TicketMerge merge, TicketObservers observers,
			ApiTransactions transactions) {
		this.links = links;
		this.merge = merge;
		this.observers = observers;
		this.transactions = transactions;
	}

	/**
	 * @param relation how this ticket relates to the other: RELATED_TO, DUPLICATE_OF, DUPLICATED_BY,
	 * CHILD_OF or PARENT_OF
	 * @param ticket the other ticket's id (its number without {@code #})
	 */
	record NewLink(@NotNull TicketRelation relation, @NotNull Long ticket) {
	}

	/**
	 * @param into the ticket the duplicate is merged into
	 * @param version the duplicate's version the merge was decided on, when given
	 */
	record MergeRequest(@NotNull Long into, @Nullable Long version) {
	}

	/**
	 * @param userId the person to add: a member of the IT team or a requester, not the ticket's requester
	 * @param version the ticket's version, when given
	 */
	record NewObserver(@NotNull Long userId, @Nullable Long version) {
	}

	@PostMapping(path = "/links", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson.LinkJson> link(@PathVariable long id, @Validated @RequestBody NewLink request,
			@AuthenticationPrincipal CurrentUser by) {
		TicketJson.LinkJson link = transactions.write(
				() -> links.link(new TicketId(id), request.relation(), request.ticket(), by), TicketJson.LinkJson::of);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/links/" + link.id())).body(link);
	}

	@DeleteMapping("/links/{linkId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long linkId,
			@AuthenticationPrincipal CurrentUser by) {
		transactions.write(() -> {
			links.unlink(new TicketId(id), linkId, by);
			return linkId;
		}, removed -> removed);
		return ResponseEntity.noContent().build();
	}

	/** Merges this ticket, a duplicate, into another; answers the ticket merged into. */
	@PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	TicketJson merge(@PathVariable long id, @Validated @RequestBody MergeRequest request,
			@AuthenticationPrincipal CurrentUser by) {
		return transactions.write(() -> merge.merge(new TicketId(id), request.into(), request.version(), by),
				into -> TicketJson.of(into, by));
	}

	@GetMapping("/observers")
	@PreAuthorize("isAuthenticated()")
	List<PersonJson> observers(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions.read(() -> observers.of(new TicketId(id), by).stream().map(PersonJson::of).toList());
	}

	@PostMapping(path = "/observers", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<PersonJson> addObserver(@PathVariable long id, @Validated @RequestBody NewObserver request,
			@AuthenticationPrincipal CurrentUser by) {
		PersonJson observer = transactions.write(
				() -> observers.add(new TicketId(id), request.userId(), request.version(), by), PersonJson::of);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/observers/" + observer.id()))
			.body(observer);
	}

	/** @param version the ticket's version, when given */
	@DeleteMapping("/observers/{userId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> removeObserver(@PathVariable long id, @PathVariable long userId,
			@RequestParam(required = false) @Nullable Long version, @AuthenticationPrincipal CurrentUser by) {
		transactions.write(() -> {
			observers.remove(new TicketId(id), userId, version, by);
			return userId;
		}, removed -> removed);
		return ResponseEntity.noContent().build();
	}

}
