package org.guichet.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import org.guichet.directory.User;
import org.guichet.search.SearchAnalysis;
import org.guichet.system.ConflictException;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AssociationInverseSide;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge base article: its current text and what describes it. Every save also writes an
 * {@link ArticleVersion}; the text here is always the newest version's. Indexed for the global
 * search (index {@code article}): title, plain text and tags twice each, in French and in
 * English ({@link SearchAnalysis}); kind, audience, status, language, category, owner as
 * keywords for the filters and facets; and, under {@code translation.}, its translation's words
 * and description, so that one of a pair is found by the words of either.
 */
@Entity
@Indexed(index = "article")
public class Article {

	public static final int TITLE_MAX = 200;

	public static final int BODY_MAX = 50_000;

	public static final int TAG_MAX = 40;

	public static final int TAGS_MAX = 20;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Version
	private long version;

	@FullTextField(name = "title_fr", analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY,
			highlightable = Highlightable.UNIFIED, projectable = Projectable.YES)
	@FullTextField(name = "title_en", analyzer = SearchAnalysis.ENGLISH, searchAnalyzer = SearchAnalysis.ENGLISH_QUERY)
	@KeywordField(name = "title_sort", normalizer = SearchAnalysis.SORTABLE, sortable = Sortable.YES)
	private String title;

	private String body;

	@KeywordField(aggregable = Aggregable.YES)
	@Enumerated(EnumType.STRING)
	private ArticleKind kind;

	@KeywordField(aggregable = Aggregable.YES)
	@Enumerated(EnumType.STRING)
	private ArticleAudience audience;

	@KeywordField(aggregable = Aggregable.YES)
	@Enumerated(EnumType.STRING)
	private ArticleStatus status;

	@KeywordField(aggregable = Aggregable.YES)
	@Enumerated(EnumType.STRING)
	private ArticleLanguage language;

	@GenericField(aggregable = Aggregable.YES)
	@Column(name = "category_id")
	private @Nullable Long categoryId;

	// Shown with every article (lists, API): read with it.
	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumn(name = "owner_id")
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	private User owner;

	@Column(name = "owner_id", insertable = false, updatable = false)
	@GenericField
	private long ownerId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
	@Column(name = "tag")
	@KeywordField(name = "tag", normalizer = SearchAnalysis.SORTABLE, aggregable = Aggregable.YES)
	@FullTextField(name = "tags_fr", analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY)
	@FullTextField(name = "tags_en", analyzer = SearchAnalysis.ENGLISH, searchAnalyzer = SearchAnalysis.ENGLISH_QUERY)
	private Set<String> tags = new TreeSet<>();

	@Column(name = "review_on")
	private @Nullable LocalDate reviewOn;

	@Column(name = "review_reminded_on")
	private @Nullable LocalDate reviewRemindedOn;

	// The article in the other language. Indexed with this one: the translation's words find this
	// article too, and its status and description say whether the reader is shown it instead
	// (ArticleSearchSource). Lazy: its id is read without loading it.
	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "translation_id")
	@IndexedEmbedded(includePaths = { "title_fr", "title_en", "body_fr", "body_en", "tags_fr", "tags_en", "tag", "kind",
			"audience", "status", "categoryId" })
	@AssociationInverseSide(inversePath = @ObjectPath(@PropertyValue(propertyName = "translation")))
	private @Nullable Article translation;

	// Counted apart, in batches (ArticleViews): a read never bumps the article's version.
	@Column(name = "view_count", insertable = false, updatable = false)
	private long viewCount;

	private Instant createdAt;

	@GenericField(sortable = Sortable.YES)
	private Instant updatedAt;

	private @Nullable Instant publishedAt;

	@SuppressWarnings("NullAway")
	protected Article() {
		this.title = "";
		this.body = "";
	}

	Article(ArticleContent content, ArticleLanguage language, User owner, Instant at) {
		this.title = content.title();
		this.body = content.body();
		this.kind = content.kind();
		this.audience = content.audience();
		this.categoryId = content.categoryId();
		this.tags = new TreeSet<>(content.tags());
		this.reviewOn = content.reviewOn();
		this.language = language;
		this.owner = owner;
		this.ownerId = owner.getId();
		this.status = ArticleStatus.DRAFT;
		this.createdAt = at;
		this.updatedAt = at;
	}

	/**
	 * Refuses a change of an archived article, its text or its files.
	 *
	 * @throws ConflictException ({@code knowledge.archived}) when it is archived
	 */
	void checkChangeable() {
		if (status == ArticleStatus.ARCHIVED) {
			throw new ConflictException("knowledge.archived", "An archived article is not changed: take it out of the archive first");
		}
	}

	/** Takes the new text and description; the caller saves the version it makes. */
	void change(ArticleContent content, Instant at) {
		checkChangeable();
		this.title = content.title();
		this.body = content.body();
		this.kind = content.kind();
		this.audience = content.audience();
		this.categoryId = content.categoryId();
		this.tags.clear();
		this.tags.addAll(content.tags());
		if (!java.util.Objects.equals(reviewOn, content.reviewOn())) {
			this.reviewRemindedOn = null;
		}
		this.reviewOn = content.reviewOn();
		this.updatedAt = at;
	}

	/**
	 * Applies a change of status.
	 * @throws ConflictException ({@code knowledge.illegal-action}) when the action does not apply to the current status
	 */
	void apply(ArticleAction action, Instant at) {
		if (!action.appliesTo(status)) {
			throw new ConflictException("knowledge.illegal-action", "This article is " + status + ": it cannot be " + action,
					action.name(), status.name());
		}
		status = action.target();
		if (status == ArticleStatus.PUBLISHED) {
			publishedAt = at;
		}
		updatedAt = at;
	}

	/** Links this article to its translation, or unlinks it with null; the other side is linked apart. */
	void linkTranslation(@Nullable Article other) {
		this.translation = other;
	}

	void remindedOfReview(LocalDate on) {
		this.reviewRemindedOn = on;
	}

	void handOver(User newOwner) {
		this.owner = newOwner;
		this.ownerId = newOwner.getId();
	}

	/** The text as plain words, Markdown marks removed: what the search finds and quotes. */
	@FullTextField(name = "body_fr", analyzer = SearchAnalysis.FRENCH, searchAnalyzer = SearchAnalysis.FRENCH_QUERY,
			highlightable = Highlightable.PLAIN, projectable = Projectable.YES)
	@FullTextField(name = "body_en", analyzer = SearchAnalysis.ENGLISH, searchAnalyzer = SearchAnalysis.ENGLISH_QUERY,
			highlightable = Highlightable.PLAIN, projectable = Projectable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "body")))
	public String getPlainText() {
		return PlainText.of(body);
	}

	public @Nullable Long getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public ArticleKind getKind() {
		return kind;
	}

	public ArticleAudience getAudience() {
		return audience;
	}

	public ArticleStatus getStatus() {
		return status;
	}

	public ArticleLanguage getLanguage() {
		return language;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public User getOwner() {
		return owner;
	}

	public long getOwnerId() {
		return ownerId;
	}

	/** The tags, sorted. */
	public Collection<String> getTags() {
		return tags.stream().sorted().toList();
	}

	/** The day the owner should check the article is still right; null when none was set. */
	public @Nullable LocalDate getReviewOn() {
		return reviewOn;
	}

	/** The article in the other language, loaded when first read; null when there is none. */
	@Nullable Article getTranslation() {
		return translation;
	}

	/** The id of the article in the other language, null when it has not been translated. */
	public @Nullable Long getTranslationId() {
		return translation == null ? null : translation.getId();
	}

	/** How many times it was read, as counted up to the last batch written (a few seconds late at most). */
	public long getViewCount() {
		return viewCount;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public @Nullable Instant getPublishedAt() {
		return publishedAt;
	}

	/** Whether requesters may read it: published, to the public. */
	public boolean isPublicNow() {
		return status == ArticleStatus.PUBLISHED && audience == ArticleAudience.PUBLIC;
	}

	/** Whether its review date is before the day given (the owner's local day). */
	public boolean isReviewDue(LocalDate today) {
		return reviewOn != null && reviewOn.isBefore(today) && status != ArticleStatus.ARCHIVED;
	}

	@Nullable LocalDate getReviewRemindedOn() {
		return reviewRemindedOn;
	}

}
