package org.guichet.presentation.pages;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.ForTheItTeam;
import org.guichet.system.IfMatch;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The author's pages through the API, {@code /api/v1/presentation/pages}: {@code GET} lists them
 * in their order, {@code POST} adds one ({@code {"title", "slug", "body"}}, the slug optional:
 * 201 with its address), {@code GET /{id}} gives one, {@code PUT /{id}} replaces it and requires
 * the {@code version} read (409 when someone saved since), {@code DELETE /{id}} removes it (204),
 * {@code POST /{id}/move?offset=-1|1} moves it in the order. The IT team reads; supervisors and
 * administrators write; anyone else gets 404. Refusals are problem+json naming the field.
 */
@ForTheItTeam
@RestController
class AuthorPageApiController {

	private static final String BASE = "/api/v1/presentation/pages";

	private final AuthorPages pages;

	AuthorPageApiController(AuthorPages pages) {
		this.pages = pages;
	}

	/**
	 * A page as sent: {@code version} is required to replace one, ignored to create one.
	 *
	 * @param slug null, absent or blank: derived from the title
	 */
	record PageRequest(String title, @Nullable String slug, @MultiLine String body, @Nullable Long version) {
	}

	record Editor(@Nullable Long id, String fullName) {
	}

	/** A page as the API gives it, its Markdown as typed. */
	record PageJson(long id, String slug, String title, int position, String body, Editor editedBy, Instant editedAt,
			long version) {

		static PageJson of(AuthorPage page) {
			return new PageJson(Objects.requireNonNull(page.getId()), page.getSlug(), page.getTitle(),
					page.getPosition(), page.getBody(), new Editor(page.getEditedById(), page.getEditedByName()),
					page.getEditedAt(), page.getVersion());
		}

	}

	@GetMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
	List<PageJson> list(@AuthenticationPrincipal CurrentUser reader) {
		return pages.list(reader).stream().map(PageJson::of).toList();
	}

	@GetMapping(path = BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	PageJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser reader) {
		return PageJson.of(pages.get(id, reader));
	}

	@PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PageJson> create(@RequestBody PageRequest request, @AuthenticationPrincipal CurrentUser by) {
		AuthorPage page = pages.create(PageDefinition.of(request.title(), request.slug(), request.body()), by);
		return ResponseEntity.created(URI.create(BASE + "/" + page.getId())).body(PageJson.of(page));
	}

	@PutMapping(path = BASE + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	PageJson update(@PathVariable long id, @RequestBody PageRequest request,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @AuthenticationPrincipal CurrentUser by) {
		pages.get(id, by);
		return PageJson.of(pages.update(id, IfMatch.required(ifMatch, request.version()),
				PageDefinition.of(request.title(), request.slug(), request.body()), by));
	}

	@PostMapping(path = BASE + "/{id}/move")
	ResponseEntity<Void> move(@PathVariable long id, @RequestParam int offset, @AuthenticationPrincipal CurrentUser by) {
		pages.move(id, offset, by);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(BASE + "/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		pages.delete(id, by);
		return ResponseEntity.noContent().build();
	}

}
