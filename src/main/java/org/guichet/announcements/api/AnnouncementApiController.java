package org.guichet.announcements.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.announcements.Announcement;
import org.guichet.announcements.Announcements;
import org.guichet.directory.CurrentUser;
import org.guichet.system.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Announcements (docs/API.md, "Announcements"): the current ones for anyone logged in; every one,
 * and writing, changing, ending and deleting them, for administrators and supervisors (403 for
 * anyone else); "me too" on a major incident's. Refusals are problem+json naming the field
 * ({@code titleFr}, {@code endsAt}, {@code ticketId}…).
 */
@RestController
@RequestMapping(path = "/api/v1/announcements", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Announcements", description = "Banners shown to every user for a period")
class AnnouncementApiController {

	private final Announcements announcements;

	private final Clock clock;

	AnnouncementApiController(Announcements announcements, Clock clock) {
		this.announcements = announcements;
		this.clock = clock;
	}

	/**
	 * @param following whether the caller follows the major incident now (always true)
	 * @param newlyFollowing false when they followed it already (its requester, or an observer)
	 */
	record MeToo(boolean following, boolean newlyFollowing) {
	}

	@GetMapping
	@Operation(summary = "The current announcements, or every one (managers, all=true)",
			description = "Titles and texts in the caller's language, falling back to the other language.")
	List<AnnouncementJson> list(
			@Parameter(description = "true for every announcement, newest start first (administrators and supervisors)")
			@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal CurrentUser me) {
		Locale locale = LocaleContextHolder.getLocale();
		Instant now = clock.instant();
		if (all) {
			return announcements.list(me).stream().map(a -> AnnouncementJson.of(a, locale, now)).toList();
		}
		return announcements.current().stream().map(a -> AnnouncementJson.of(a, locale, now)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One announcement (administrators and supervisors)")
	AnnouncementJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return AnnouncementJson.of(announcements.get(id, me), LocaleContextHolder.getLocale(), clock.instant());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publishes an announcement (administrators and supervisors)",
			description = "startsAt defaults to now; endsAt may be absent while unknown.")
	ResponseEntity<AnnouncementJson> create(@RequestBody AnnouncementJson json, @AuthenticationPrincipal CurrentUser me) {
		Instant now = clock.instant();
		Announcement created = announcements.create(json.draft(now), me);
		return ResponseEntity.created(URI.create("/api/v1/announcements/" + created.getId()))
			.body(AnnouncementJson.of(created, LocaleContextHolder.getLocale(), now));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Changes an announcement (administrators and supervisors)",
			description = "Every field is replaced; made on the version named by If-Match or the body's version "
					+ "(428 without either, 412 when it is not the current one).")
	AnnouncementJson update(@PathVariable long id, @RequestBody AnnouncementJson json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @AuthenticationPrincipal CurrentUser me) {
		long version = IfMatch.required(ifMatch, json.version());
		Instant now = clock.instant();
		return AnnouncementJson.of(announcements.update(id, version, json.draft(now), me),
				LocaleContextHolder.getLocale(), now);
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "Ends an announcement now (administrators and supervisors)")
	AnnouncementJson end(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return AnnouncementJson.of(announcements.end(id, me), LocaleContextHolder.getLocale(), clock.instant());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes an announcement (administrators and supervisors)")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		announcements.delete(id, me);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/me-too")
	@Operation(summary = "The caller is affected by the announced major incident: they follow its ticket",
			description = "Idempotent: newlyFollowing is false when the caller followed it already.")
	MeToo meToo(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return new MeToo(true, announcements.meToo(id, me));
	}

}
