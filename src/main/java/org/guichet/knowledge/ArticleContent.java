package org.guichet.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.jspecify.annotations.Nullable;

/**
 * What an author writes of an article, checked: every field that does not fit is refused at once,
 * each naming its field ({@code title}, {@code body}, {@code kind}, {@code audience}, {@code tags}).
 *
 * @param title one line ({@link OneLine}), stripped, 1 to {@link Article#TITLE_MAX} characters
 * @param body Markdown, 1 to {@link Article#BODY_MAX} characters
 * @param categoryId a ticket category, or null; whether it exists is checked by {@link Articles}
 * @param tags lower case, stripped, each one line of 1 to {@link Article#TAG_MAX} characters, at most {@link Article#TAGS_MAX}, in the order given
 * @param reviewOn the day to check the article again, or null
 */
public record ArticleContent(String title, String body, ArticleKind kind, ArticleAudience audience,
		@Nullable Long categoryId, List<String> tags, @Nullable LocalDate reviewOn) {

	public ArticleContent {
		tags = List.copyOf(tags);
	}

	/**
	 * Checks what was typed and gives the content.
	 *
	 * @param tags separated by commas, as typed; null or blank for none
	 * @throws InvalidInputException naming the first field refused, with the others
	 */
	public static ArticleContent of(@Nullable String title, @Nullable String body, @Nullable ArticleKind kind,
			@Nullable ArticleAudience audience, @Nullable Long categoryId, @Nullable String tags,
			@Nullable LocalDate reviewOn) {
		return of(title, body, kind, audience, categoryId, splitTags(tags), reviewOn);
	}

	/** {@link #of(String, String, ArticleKind, ArticleAudience, Long, String, LocalDate)} with the tags as a list. */
	public static ArticleContent of(@Nullable String title, @Nullable String body, @Nullable ArticleKind kind,
			@Nullable ArticleAudience audience, @Nullable Long categoryId, @Nullable List<String> tags,
			@Nullable LocalDate reviewOn) {
		InputChecks checks = new InputChecks();
		String checkedTitle = checks.check(() -> {
			OneLine.Check.check("title", title);
			return text("title", title, Article.TITLE_MAX);
		});
		String checkedBody = checks.check(() -> text("body", body, Article.BODY_MAX));
		checks.check(() -> required("kind", kind));
		checks.check(() -> required("audience", audience));
		List<String> checkedTags = checks.check(() -> tags(tags == null ? List.of() : tags));
		checks.refuseIfAny();
		return new ArticleContent(checkedTitle, checkedBody, kind, audience, categoryId, checkedTags, reviewOn);
	}

	/** The tags as a comma-separated list, as a form shows them. */
	public String tagsText() {
		return String.join(", ", tags);
	}

	static List<String> splitTags(@Nullable String tags) {
		if (tags == null || tags.isBlank()) {
			return List.of();
		}
		return List.of(tags.split(","));
	}

	private static String text(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "field.required", "Required: write something");
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new InvalidInputException(field, "field.too-long", "At most " + max + " characters", max);
		}
		return stripped;
	}

	private static Object required(String field, @Nullable Object value) {
		if (value == null) {
			throw new InvalidInputException(field, "field.required", "Required: choose a value");
		}
		return value;
	}

	private static List<String> tags(List<String> typed) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : typed) {
			String clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
			if (clean.isEmpty()) {
				continue;
			}
			OneLine.Check.check("tags", clean);
			if (clean.length() > Article.TAG_MAX) {
				throw new InvalidInputException("tags", "knowledge.tag-too-long",
						"Each tag has at most " + Article.TAG_MAX + " characters: " + clean, Article.TAG_MAX, clean);
			}
			tags.add(clean);
		}
		if (tags.size() > Article.TAGS_MAX) {
			throw new InvalidInputException("tags", "knowledge.too-many-tags", "At most " + Article.TAGS_MAX + " tags",
					Article.TAGS_MAX);
		}
		return new ArrayList<>(tags);
	}

}
