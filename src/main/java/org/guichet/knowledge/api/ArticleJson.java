package org.guichet.knowledge.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.ArticleTicket;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;

/**
 * An article as the API gives it. The body is Markdown, as typed; clients render it.
 *
 * @param version the optimistic lock a change sends back ({@code 409} when stale)
 * @param tickets the linked tickets the caller may see
 * @param translationId the article in the other language, or null
 */
record ArticleJson(long id, long version, String title, String body, ArticleKind kind, ArticleAudience audience,
		ArticleStatus status, ArticleLanguage language, @Nullable Long categoryId, List<String> tags,
		@Nullable LocalDate reviewOn, long ownerId, String ownerName, @Nullable Long translationId, long viewCount,
		Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, List<TicketRef> tickets) {

	static ArticleJson of(Article a, List<ArticleTicket> tickets) {
		return new ArticleJson(a.getId(), a.getVersion(), a.getTitle(), a.getBody(), a.getKind(), a.getAudience(),
				a.getStatus(), a.getLanguage(), a.getCategoryId(), List.copyOf(a.getTags()), a.getReviewOn(),
				a.getOwnerId(), a.getOwner().getFullName(), a.getTranslationId(), a.getViewCount(), a.getCreatedAt(),
				a.getUpdatedAt(), a.getPublishedAt(), tickets.stream().map(TicketRef::of).toList());
	}

	/** A linked ticket: id, number, title, status. */
	record TicketRef(long id, String number, String title, String status) {

		static TicketRef of(ArticleTicket t) {
			return new TicketRef(t.id(), t.number(), t.title(), t.status().name());
		}

	}

	/**
	 * What a client writes; {@code tags} may be empty.
	 *
	 * @param categoryId null or absent: none
	 * @param reviewOn the day the article is due for review; null or absent: none
	 * @param language of a new article; FR or EN, the caller's language when absent; ignored on a change
	 * @param fromTicketId a resolved ticket the new article is written from, linked both ways; ignored on a change
	 * @param version on a change, the version it started from (409 when stale); none skips the check
	 */
	record Request(String title, @MultiLine String body, ArticleKind kind, ArticleAudience audience,
			@Nullable Long categoryId, List<String> tags,
			@Nullable LocalDate reviewOn, @Nullable ArticleLanguage language, @Nullable Long fromTicketId,
			@Nullable Long version) {
	}

}
