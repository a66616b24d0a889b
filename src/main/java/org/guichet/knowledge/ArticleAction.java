package org.guichet.knowledge;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A change of an article's status, with the statuses it starts from. Who may take it is
 * {@link ArticlePolicy}'s rule.
 */
public enum ArticleAction {

	/** Asks for a review: draft → in review. */
	SUBMIT(Set.of(ArticleStatus.DRAFT), ArticleStatus.IN_REVIEW),
	/** Draft or in review → published. */
	PUBLISH(Set.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW), ArticleStatus.PUBLISHED),
	/** Any status but archived → archived. */
	ARCHIVE(Set.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED), ArticleStatus.ARCHIVED),
	/** Back to draft: a review sent back, a published article withdrawn, an archived one taken out again. */
	REDRAFT(Set.of(ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED), ArticleStatus.DRAFT);

	private final Set<ArticleStatus> from;

	private final ArticleStatus to;

	ArticleAction(Set<ArticleStatus> from, ArticleStatus to) {
		this.from = from;
		this.to = to;
	}

	/** Whether the action applies to an article in that status. */
	public boolean appliesTo(ArticleStatus status) {
		return from.contains(status);
	}

	/** The status the article has after the action. */
	public ArticleStatus target() {
		return to;
	}

	/** The action's name in addresses: {@code publish}, {@code archive}... */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The action a slug names, or null when none does. */
	public static @Nullable ArticleAction ofSlug(String slug) {
		for (ArticleAction action : values()) {
			if (action.slug().equals(slug)) {
				return action;
			}
		}
		return null;
	}

}
