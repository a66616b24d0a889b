package org.guichet.knowledge;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.PageWindow;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's entry point for every channel (pages, API, demo): reads articles as the
 * reader may ({@link ArticlePolicy}), writes them keeping every version, changes their status,
 * links them to tickets, records their readers' feedback and readings. An article the reader may
 * not read is "not found" ({@link NotFoundException}, 404); an action the reader may not take on
 * an article they read is {@link ForbiddenException} (403); an action the status does not allow,
 * or a stale version, is {@link ConflictException} (409).
 */
@Service
@Transactional
public class Articles {

	/** Statuses of the tickets an article may be written from. */
	public static final Set<Status> WRITTEN_FROM = Set.of(Status.RESOLVED, Status.CLOSED);

	private final ArticleRepository articles;

	private final ArticleVersionRepository versions;

	private final ArticleTickets links;

	private final ArticleFeedback feedback;

	private final ArticleViews views;

	private final ArticleFileStore files;

	private final UserRepository users;

	private final Categories categories;

	private final TicketManagement tickets;

	private final Clock clock;

	private final ZoneId zone;

	Articles(ArticleRepository articles, ArticleVersionRepository versions, ArticleTickets links,
			ArticleFeedback feedback, ArticleViews views, ArticleFileStore files, UserRepository users, Categories categories,
			TicketManagement tickets, Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.articles = articles;
		this.versions = versions;
		this.links = links;
		this.feedback = feedback;
		this.views = views;
		this.files = files;
		this.users = users;
		this.categories = categories;
		this.tickets = tickets;
		this.clock = clock;
		this.zone = zone;
	}

	// --- Reading ----------------------------------------------------------------------------

	/**
	 * The article, when the reader may read it.
	 * @throws NotFoundException when there is none or the reader may not read it
	 */
	@Transactional(readOnly = true)
	public Article get(long id, CurrentUser reader) {
		return articles.findById(id)
			.filter(article -> ArticlePolicy.canRead(article, reader))
			.orElseThrow(() -> notFound(id));
	}

	/** The article when the reader may read it, else nothing. */
	@Transactional(readOnly = true)
	public Optional<Article> find(long id, CurrentUser reader) {
		return articles.findById(id).filter(article -> ArticlePolicy.canRead(article, reader));
	}

	/** {@link #get}, counting one reading (written with the next batch, {@link ArticleViews}). */
	@Transactional(readOnly = true)
	public Article read(long id, CurrentUser reader) {
		Article article = get(id, reader);
		views.read(id);
		return article;
	}

	/** A page of the articles the reader may read that the filter keeps, most recently changed first. */
	@Transactional(readOnly = true)
	public ArticlePage list(ArticleFilter filter, CurrentUser reader) {
		Specification<Article> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (!reader.isAgent()) {
				where.add(cb.equal(root.get("status"), ArticleStatus.PUBLISHED));
				where.add(cb.equal(root.get("audience"), ArticleAudience.PUBLIC));
			}
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.kind() != null) {
				where.add(cb.equal(root.get("kind"), filter.kind()));
			}
			if (filter.audience() != null) {
				where.add(cb.equal(root.get("audience"), filter.audience()));
			}
			if (filter.language() != null) {
				where.add(cb.equal(root.get("language"), filter.language()));
			}
			if (filter.categoryId() != null) {
				where.add(root.get("categoryId").in(categories.subtree(filter.categoryId())));
			}
			if (filter.ownerId() != null) {
				where.add(cb.equal(root.get("ownerId"), filter.ownerId()));
			}
			if (filter.tag() != null && !filter.tag().isBlank()) {
				Join<Article, String> tag = root.join("tags");
				where.add(cb.equal(tag, filter.tag().strip().toLowerCase(java.util.Locale.ROOT)));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		PageWindow window = new PageWindow(filter.page(), filter.size());
		Page<Article> read = articles.findAll(spec, window.rows(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
		List<Article> found = read.getContent();
		return new ArticlePage(window.shown(found), filter.page(), filter.size(), window.hasNext(found),
				read.getTotalElements());
	}

	/** The saved versions of the article, newest first. */
	@Transactional(readOnly = true)
	public List<ArticleVersion> versions(long id, CurrentUser reader) {
		agentRead(id, reader);
		return versions.findOfArticle(id);
	}

	/** One saved version of the article; 404 when it has no such version. */
	@Transactional(readOnly = true)
	public ArticleVersion version(long id, int number, CurrentUser reader) {
		agentRead(id, reader);
		return versions.findOne(id, number)
			.orElseThrow(() -> new NotFoundException("knowledge.version-not-found", "No version " + number + " of article " + id,
					number, id));
	}

	/**
	 * What changed from one saved version to another, title and text word by word.
	 * @throws NotFoundException when either version does not exist
	 */
	@Transactional(readOnly = true)
	public VersionDiff diff(long id, int from, int to, CurrentUser reader) {
		ArticleVersion before = version(id, from, reader);
		ArticleVersion after = version(id, to, reader);
		return new VersionDiff(before, after, ArticleDiff.between(before.getTitle(), after.getTitle()),
				ArticleDiff.between(before.getBody(), after.getBody()));
	}

	/** The tickets linked to the article that the reader may see, oldest link first. */
	@Transactional(readOnly = true)
	public List<ArticleTicket> ticketsOf(long id, CurrentUser reader) {
		get(id, reader);
		List<ArticleTicket> seen = new ArrayList<>();
		for (Long ticketId : links.ticketsOf(id)) {
			tickets.findVisible(new TicketId(ticketId), reader)
				.ifPresent(t -> seen.add(new ArticleTicket(ticketId, t.getNumber(), t.getTitle(), t.getStatus())));
		}
		return seen;
	}

	/**
	 * The articles linked to the ticket that the reader may read, oldest link first.
	 * @throws NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public List<Article> ofTicket(TicketId ticket, CurrentUser reader) {
		tickets.get(ticket, reader);
		List<Long> ids = links.articlesOf(ticket.value());
		return articles.findAllById(ids)
			.stream()
			.filter(article -> ArticlePolicy.canRead(article, reader))
			.sorted(java.util.Comparator.comparingInt(a -> ids.indexOf(a.getId())))
			.toList();
	}

	/**
	 * The articles linked to the ticket that the reader may read, oldest link first, one of each
	 * translation pair: the one in the reader's language when both are linked and readable.
	 * @throws NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public List<Article> ofTicket(TicketId ticket, CurrentUser reader, Locale locale) {
		List<Article> linked = ofTicket(ticket, reader);
		ArticleLanguage language = ArticleLanguage.of(locale);
		Set<Long> ids = new java.util.HashSet<>();
		linked.forEach(a -> ids.add(a.getId()));
		return linked.stream()
			.filter(a -> a.getLanguage() == language || a.getTranslationId() == null || !ids.contains(a.getTranslationId()))
			.toList();
	}

	/** How the article's readers answered, with the latest comments (the IT team only sees them). */
	@Transactional(readOnly = true)
	public FeedbackSummary feedbackSummary(long id, CurrentUser reader) {
		agentRead(id, reader);
		return feedback.summary(id);
	}

	/** The latest answers that came with a comment, at most {@code max}, newest first (IT team only). */
	@Transactional(readOnly = true)
	public List<FeedbackAnswer> feedbackComments(long id, int max, CurrentUser reader) {
		agentRead(id, reader);
		return feedback.comments(id, max);
	}

	/** The reader's own answer to "Was this helpful?", if they gave one. */
	@Transactional(readOnly = true)
	public Optional<FeedbackAnswer> myFeedback(long id, CurrentUser reader) {
		get(id, reader);
		return feedback.of(id, reader.id());
	}

	/**
	 * The owner's current articles that need their attention: review date passed (in the desk's
	 * time zone), or poorly rated ({@link FeedbackSummary#isPoor()}); each once, by id.
	 */
	@Transactional(readOnly = true)
	public List<Attention> attention(CurrentUser owner) {
		java.time.LocalDate today = clock.instant().atZone(zone).toLocalDate();
		Set<Long> poor = new LinkedHashSet<>(feedback.poorlyRatedOf(owner.id()));
		List<Attention> due = new ArrayList<>();
		for (Article article : articles.findCurrentOfOwner(owner.id())) {
			boolean reviewDue = article.isReviewDue(today);
			boolean poorly = poor.contains(article.getId());
			if (reviewDue || poorly) {
				due.add(new Attention(article, reviewDue, poorly, feedback.summary(article.getId())));
			}
		}
		return due;
	}

	/**
	 * The article the ticket suggests, not saved ({@link TicketDraft}).
	 * @throws NotFoundException when the reader may not see the ticket
	 * @throws ConflictException when the ticket is not resolved or closed
	 */
	@Transactional(readOnly = true)
	public ArticleContent draftFrom(TicketId id, ArticleLanguage language, CurrentUser reader) {
		return TicketDraft.of(writableSource(id, reader), language, zone);
	}

	// --- Writing ----------------------------------------------------------------------------

	/**
	 * A new draft owned by its author, its first version saved.
	 *
	 * @param fromTicket the resolved ticket it is written from, linked both ways; null for none
	 * @throws NotFoundException when the author may not see that ticket
	 * @throws ConflictException when that ticket is not resolved or closed
	 * @throws InvalidInputException ({@code categoryId}) for an unknown category
	 */
	public Article create(ArticleContent content, ArticleLanguage language, @Nullable TicketId fromTicket,
			CurrentUser by) {
		mustWrite(by);
		checkCategory(content.categoryId());
		if (fromTicket != null) {
			writableSource(fromTicket, by);
		}
		User author = author(by);
		Article article = articles.saveAndFlush(new Article(content, language, author, clock.instant()));
		versions.save(new ArticleVersion(article, 1, author, clock.instant()));
		if (fromTicket != null) {
			links.link(article.getId(), fromTicket.value());
		}
		return article;
	}

	/**
	 * The article's new text and description, saved as its next version. Saving exactly what it
	 * already holds makes no version.
	 *
	 * @param expectedVersion the article's version the author started from; null skips the check
	 * @throws VersionMismatchException (412) when it changed meanwhile
	 * @throws ConflictException when it is archived
	 */
	public Article update(long id, @Nullable Long expectedVersion, ArticleContent content, CurrentUser by) {
		mustWrite(by);
		Article article = get(id, by);
		checkVersion(article, expectedVersion);
		checkCategory(content.categoryId());
		boolean textChanged = !article.getTitle().equals(content.title()) || !article.getBody().equals(content.body())
				|| !List.copyOf(article.getTags()).equals(content.tags().stream().sorted().toList());
		article.change(content, clock.instant());
		if (textChanged) {
			versions.save(new ArticleVersion(article, versions.lastNumber(id) + 1, author(by), clock.instant()));
		}
		return articles.saveAndFlush(article);
	}

	/**
	 * Changes the article's status.
	 * @throws ForbiddenException when the person may not ({@link ArticlePolicy#canTake})
	 * @throws ConflictException when the status does not allow it
	 * @throws VersionMismatchException (412) when the version is stale
	 */
	public Article act(long id, ArticleAction action, @Nullable Long expectedVersion, CurrentUser by) {
		Article article = get(id, by);
		if (!ArticlePolicy.canTake(action, article, by)) {
			throw new ForbiddenException("knowledge.action-forbidden",
					"Only the article's owner, a supervisor or an administrator may do this", action.name());
		}
		checkVersion(article, expectedVersion);
		article.apply(action, clock.instant());
		return articles.saveAndFlush(article);
	}

	/**
	 * Deletes a draft with its versions, links, feedback and files.
	 * @throws ForbiddenException when the person may not ({@link ArticlePolicy#canDelete}) or it is no draft
	 */
	public void delete(long id, CurrentUser by) {
		Article article = get(id, by);
		if (!ArticlePolicy.canDelete(article, by)) {
			throw new ForbiddenException("knowledge.delete-forbidden",
					"Only a draft is deleted, by its owner, a supervisor or an administrator; archive the others");
		}
		if (article.getTranslationId() != null) {
			articles.findById(article.getTranslationId()).ifPresent(other -> other.linkTranslation(null));
			article.linkTranslation(null);
		}
		links.forget(id);
		feedback.forget(id);
		views.forget(id);
		versions.deleteAll(versions.findOfArticle(id));
		files.forget(id);
		articles.delete(article);
	}

	/**
	 * The article's translation: a new draft in the other language, with the same description and
	 * a copy of the text to translate, linked both ways; its tickets are linked to it too.
	 * @throws ConflictException when the article already has one
	 */
	public Article translate(long id, CurrentUser by) {
		Article source = get(id, by);
		return translate(id, new ArticleContent(source.getTitle(), source.getBody(), source.getKind(),
				source.getAudience(), source.getCategoryId(), List.copyOf(source.getTags()), source.getReviewOn()), by);
	}

	/**
	 * The article's translation written at once: a new draft in the other language with that
	 * content (its first version), linked both ways; the article's tickets are linked to it too.
	 * Nothing exists before this call: an editor who gives up leaves nothing behind.
	 * @throws ConflictException ({@code knowledge.already-translated}) when the article already has one
	 */
	public Article translate(long id, ArticleContent content, CurrentUser by) {
		mustWrite(by);
		Article source = get(id, by);
		if (source.getTranslationId() != null) {
			throw new ConflictException("knowledge.already-translated", "This article already has its translation",
					source.getTranslationId());
		}
		Article translation = create(content, source.getLanguage().other(), null, by);
		translation.linkTranslation(source);
		source.linkTranslation(translation);
		links.ticketsOf(id).forEach(ticketId -> links.link(translation.getId(), ticketId));
		return translation;
	}

	/** The number of the article's newest version (1 for a new article). */
	@Transactional(readOnly = true)
	public int lastVersionNumber(long id, CurrentUser reader) {
		get(id, reader);
		return versions.lastNumber(id);
	}

	/**
	 * Links the article to a ticket the person sees, both ways (linking twice changes nothing).
	 * @throws NotFoundException when they may not see the ticket or the article
	 */
	public void link(long id, TicketId ticket, CurrentUser by) {
		mustWrite(by);
		get(id, by);
		tickets.get(ticket, by);
		links.link(id, ticket.value());
	}

	/**
	 * Records the reader's answer to "Was this helpful?", replacing the one they gave before.
	 * @param comment optional, at most 2,000 characters
	 * @throws InvalidInputException ({@code comment}) when too long
	 * @throws ConflictException ({@code knowledge.feedback-unpublished}) when it is not published
	 * @throws ForbiddenException ({@code knowledge.feedback-own}) to its owner
	 */
	public void giveFeedback(long id, boolean helpful, @Nullable String comment, CurrentUser reader) {
		Article article = get(id, reader);
		if (!ArticlePolicy.canGiveFeedback(article, reader)) {
			throw article.getStatus() != ArticleStatus.PUBLISHED
					? new ConflictException("knowledge.feedback-unpublished", "Only a published article is rated: this one is "
							+ article.getStatus())
					: new ForbiddenException("knowledge.feedback-own", "Readers rate an article, not its owner");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > 2000) {
			throw new InvalidInputException("comment", "field.too-long", "At most 2000 characters", 2000);
		}
		feedback.answer(id, reader.id(), helpful, text);
	}

	/** How many articles exist (the tool's page and the demo count them). */
	@Transactional(readOnly = true)
	public long count() {
		return articles.count();
	}

	// --- Rules ------------------------------------------------------------------------------

	private Ticket writableSource(TicketId id, CurrentUser reader) {
		Ticket ticket = tickets.get(id, reader);
		if (!WRITTEN_FROM.contains(ticket.getStatus())) {
			throw new ConflictException("knowledge.ticket-not-resolved",
					"An article is written from a resolved or closed ticket; " + ticket.getNumber() + " is " + ticket.getStatus(),
					ticket.getNumber());
		}
		return ticket;
	}

	private void agentRead(long id, CurrentUser reader) {
		get(id, reader);
		if (!ArticlePolicy.seesFeedback(reader)) {
			throw notFound(id);
		}
	}

	private static void mustWrite(CurrentUser by) {
		if (!ArticlePolicy.canWrite(by)) {
			throw new ForbiddenException("knowledge.write-forbidden", "Only the IT team writes articles");
		}
	}

	private void checkCategory(@Nullable Long categoryId) {
		if (categoryId != null && categories.tree().find(categoryId).isEmpty()) {
			throw new InvalidInputException("categoryId", "knowledge.category-unknown",
					"No such category: choose one of the list", categoryId);
		}
	}

	private static void checkVersion(Article article, @Nullable Long expected) {
		VersionMismatchException.check(expected, article.getVersion(), "knowledge.stale",
				"Someone changed this article meanwhile: load it again", article.getVersion());
	}

	private User author(CurrentUser by) {
		return users.findById(by.id()).orElseThrow(() -> new NotFoundException("user.not-found", "No such user", by.id()));
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("knowledge.not-found", "No article " + id, id);
	}

	/**
	 * An article that needs its owner's attention, and why.
	 *
	 * @param reviewDue its review date has passed
	 * @param poorlyRated its readers found it poor
	 */
	public record Attention(Article article, boolean reviewDue, boolean poorlyRated, FeedbackSummary feedback) {
	}

	/**
	 * Two versions and what changed between them.
	 *
	 * @param title the title's changes
	 * @param body the text's changes
	 */
	public record VersionDiff(ArticleVersion from, ArticleVersion to, List<ArticleDiff.Segment> title,
			List<ArticleDiff.Segment> body) {
	}

}
