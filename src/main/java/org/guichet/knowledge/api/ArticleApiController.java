package org.guichet.knowledge.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAction;
import org.guichet.knowledge.ArticleAttachment;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleDiff;
import org.guichet.knowledge.ArticleFiles;
import org.guichet.knowledge.ArticleFilter;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticlePage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.ArticleVersion;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.FeedbackAnswer;
import org.guichet.knowledge.FeedbackSummary;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.search.SearchSource;
import org.guichet.search.SearchWords;
import org.guichet.system.IfMatch;
import org.guichet.system.InvalidInputException;
import org.guichet.system.MultiLine;
import org.guichet.system.Pager;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The knowledge base, {@code /api/v1/articles}, with the pages' rules ({@code ArticlePolicy}):
 * the IT team reads and writes every article; anyone else reads only published public articles
 * (any other answers 404, in lists and search too) and gives feedback on them. Refusals are
 * problem+json naming the field (400), the rule (403), or the state (409).
 */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Articles", description = "The knowledge base: articles, their versions, status and feedback")
class ArticleApiController {

	private final Articles articles;

	private final SearchSource search;

	private final ArticleFiles files;

	ArticleApiController(Articles articles, @Qualifier("articleSearchSource") SearchSource search, ArticleFiles files) {
		this.articles = articles;
		this.search = search;
		this.files = files;
	}

	@GetMapping
	@Operation(summary = "A page of the articles the caller may read, most recently changed first; "
			+ "with ticket=, those linked to that ticket (paged too, no other filter)")
	ArticleList list(@RequestParam(required = false) @Nullable ArticleStatus status,
			@RequestParam(required = false) @Nullable ArticleKind kind,
			@RequestParam(required = false) @Nullable ArticleAudience audience,
			@RequestParam(required = false) @Nullable ArticleLanguage language,
			@RequestParam(required = false) @Nullable Long category, @RequestParam(required = false) @Nullable Long owner,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable Long ticket,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@AuthenticationPrincipal CurrentUser me) {
		ArticleFilter filter = new ArticleFilter(status, kind, audience, language, category, owner, tag, page, size);
		if (ticket != null) {
			if (status != null || kind != null || audience != null || language != null || category != null || owner != null
					|| tag != null) {
				throw new InvalidInputException("ticket", "knowledge.ticket-alone",
						"ticket= lists every article linked to the ticket: it is not combined with status, kind, audience, language, category, owner or tag");
			}
			List<Article> linked = articles.ofTicket(new TicketId(ticket), me);
			int from = (int) Math.min((long) page * size, linked.size());
			int to = (int) Math.min((long) from + size, linked.size());
			return new ArticleList(linked.subList(from, to).stream().map(a -> ArticleJson.of(a, List.of())).toList(), page,
					size, to < linked.size());
		}
		ArticlePage found = articles.list(filter, me);
		return new ArticleList(found.articles().stream().map(a -> ArticleJson.of(a, List.of())).toList(), found.page(),
				found.size(), found.hasNext());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One article with the tickets linked to it that the caller sees; counts one reading")
	ArticleJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return ArticleJson.of(articles.read(id, me), articles.ticketsOf(id, me));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A new draft owned by the caller (IT team); with fromTicketId, written from that resolved ticket")
	ResponseEntity<ArticleJson> create(@RequestBody ArticleJson.Request json, @AuthenticationPrincipal CurrentUser me) {
		ArticleLanguage language = json.language() != null ? json.language()
				: ArticleLanguage.of(LocaleContextHolder.getLocale());
		Article article = articles.create(content(json), language,
				json.fromTicketId() == null ? null : new TicketId(json.fromTicketId()), me);
		return ResponseEntity.created(URI.create("/api/v1/articles/" + article.getId()))
			.body(ArticleJson.of(article, articles.ticketsOf(article.getId(), me)));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The article's new text and description, saved as its next version (IT team)")
	ArticleJson update(@PathVariable long id, @RequestBody ArticleJson.Request json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @AuthenticationPrincipal CurrentUser me) {
		Article article = articles.update(id, IfMatch.required(ifMatch, json.version()), content(json), me);
		return ArticleJson.of(article, articles.ticketsOf(id, me));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes a draft (its owner, a supervisor or an administrator); archive any other")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		articles.delete(id, me);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/{action:submit|publish|archive|redraft}")
	@Operation(summary = "Changes the status: submit (for review, IT team), publish, archive, redraft "
			+ "(the owner, a supervisor or an administrator); ?version= checks it is not stale")
	ArticleJson act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable Long version,
			@AuthenticationPrincipal CurrentUser me) {
		ArticleAction taken = ArticleAction.ofSlug(action);
		if (taken == null) {
			throw new NotFoundException("knowledge.not-found", "No such action", action);
		}
		return ArticleJson.of(articles.act(id, taken, version, me), articles.ticketsOf(id, me));
	}

	@PostMapping("/{id}/translation")
	@Operation(summary = "Its translation: a new draft in the other language, linked both ways (IT team)")
	ResponseEntity<ArticleJson> translate(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		Article translation = articles.translate(id, me);
		return ResponseEntity.created(URI.create("/api/v1/articles/" + translation.getId()))
			.body(ArticleJson.of(translation, articles.ticketsOf(translation.getId(), me)));
	}

	@PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attaches a file (multipart part \"file\", up to 10 MB; IT team), under the same checks as the "
			+ "article's page; an image is then shown in its text by the Markdown line of the answer's \"markdown\"")
	ResponseEntity<FileJson> attach(@PathVariable long id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal CurrentUser me) {
		if (file == null) {
			throw new InvalidInputException("file", "field.required", "Send the file as the multipart part \"file\"");
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "attachment.unreadable", "The file could not be read");
		}
		ArticleAttachment attachment = files.attach(id, file.getOriginalFilename(), file.getContentType(), content, me);
		return ResponseEntity.created(URI.create(attachment.getPath())).body(FileJson.of(attachment));
	}

	@GetMapping("/{id}/files")
	@Operation(summary = "The article's files, oldest first, for whoever reads it")
	List<FileJson> files(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return files.of(id, me).stream().map(FileJson::of).toList();
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "Every saved version, newest first, with who saved it and when (IT team)")
	List<VersionJson> versions(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return articles.versions(id, me).stream().map(VersionJson::of).toList();
	}

	@GetMapping("/{id}/versions/{number}")
	@Operation(summary = "One saved version (IT team)")
	VersionJson version(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal CurrentUser me) {
		return VersionJson.of(articles.version(id, number, me));
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "What changed from one version to another, title and text word by word (IT team)")
	DiffJson diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, @AuthenticationPrincipal CurrentUser me) {
		Articles.VersionDiff diff = articles.diff(id, from, to, me);
		return new DiffJson(from, to, diff.title(), diff.body());
	}

	@PutMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The caller's answer to \"Was this helpful?\", replacing their previous one")
	ResponseEntity<Void> giveFeedback(@PathVariable long id, @RequestBody FeedbackRequest json,
			@AuthenticationPrincipal CurrentUser me) {
		articles.giveFeedback(id, json.helpful(), json.comment(), me);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/feedback")
	@Operation(summary = "How readers answered, with the latest comments (IT team)")
	FeedbackJson feedback(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		FeedbackSummary summary = articles.feedbackSummary(id, me);
		return new FeedbackJson(summary.helpful(), summary.unhelpful(), summary.isPoor(),
				articles.feedbackComments(id, 50, me));
	}

	@GetMapping("/search")
	@Operation(summary = "Full-text search of the articles the caller may read, with excerpts and facets "
			+ "(kind, status for the IT team, category); filters kind, status, category, audience, language, tag; "
			+ "words that hold no word (none, only common words or wildcards) are refused (400, search.q.no-word)")
	SearchResults search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable List<String> kind,
			@RequestParam(required = false) @Nullable List<String> status,
			@RequestParam(required = false) @Nullable List<String> category,
			@RequestParam(required = false) @Nullable List<String> audience,
			@RequestParam(required = false) @Nullable List<String> language,
			@RequestParam(required = false) @Nullable List<String> tag, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser me) {
		Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
		put(filters, "kind", kind);
		put(filters, "status", status);
		put(filters, "category", category);
		put(filters, "audience", audience);
		put(filters, "language", language);
		put(filters, "tag", tag);
		Pager.checkPage(page);
		if (size < 1 || size > 100) {
			throw new InvalidInputException("size", "knowledge.paging", "size: 1 to 100 articles a page");
		}
		SearchWords.require("q", q);
		Locale locale = LocaleContextHolder.getLocale();
		try {
			return search.search(new SearchRequest(q, me, locale, filters, page, size));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(filters.keySet().stream().findFirst().orElse("q"), "knowledge.search-filter",
					ex.getMessage(), ex.getMessage());
		}
	}

	private static void put(Map<String, List<String>> filters, String field, @Nullable List<String> values) {
		if (values != null && !values.isEmpty()) {
			filters.put(field, values);
		}
	}

	private static ArticleContent content(ArticleJson.Request json) {
		return ArticleContent.of(json.title(), json.body(), json.kind(), json.audience(), json.categoryId(), json.tags(),
				json.reviewOn());
	}

	/** A page of articles; {@code hasNext} says whether the next page has more. */
	record ArticleList(List<ArticleJson> articles, int page, int size, boolean hasNext) {
	}

	/**
	 * A file of an article: {@code url} serves its bytes to whoever reads the article, with the
	 * tickets' download headers; {@code markdown} shows an image in the text, links any other file.
	 */
	record FileJson(long id, String fileName, String contentType, long size, java.time.Instant createdAt, String url,
			String markdown) {

		static FileJson of(ArticleAttachment a) {
			String label = a.getFileName().replace("[", "\\[").replace("]", "\\]");
			return new FileJson(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getCreatedAt(),
					a.getPath(), (a.isImage() ? "!" : "") + "[" + label + "](" + a.getPath() + ")");
		}

	}

	/** A saved version. */
	record VersionJson(int number, String title, String body, List<String> tags, long savedById, String savedByName,
			java.time.Instant savedAt) {

		static VersionJson of(ArticleVersion v) {
			return new VersionJson(v.getNumber(), v.getTitle(), v.getBody(), v.getTags(), v.getSavedBy().getId(),
					v.getSavedBy().getFullName(), v.getSavedAt());
		}

	}

	/** The changes from version {@code from} to {@code to}: segments KEPT, REMOVED or ADDED, in order. */
	record DiffJson(int from, int to, List<ArticleDiff.Segment> title, List<ArticleDiff.Segment> body) {
	}

	/** An answer: {@code comment} null or absent for none, at most 2,000 characters. */
	record FeedbackRequest(boolean helpful, @Nullable @MultiLine String comment) {
	}

	/** The answers counted, whether they make the article poorly rated, and the latest comments. */
	record FeedbackJson(long helpful, long unhelpful, boolean poor, List<FeedbackAnswer> comments) {
	}

}
