package org.guichet.presentation.pages;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.guichet.text.Folding;
import org.jspecify.annotations.Nullable;

/**
 * What an author writes on a page, checked: every field's problem is refused at once
 * ({@link InputChecks}), naming the field.
 *
 * @param title stripped, 1 to {@value #TITLE_MAX} characters
 * @param slug lower-case letters, digits and single dashes, 1 to {@value #SLUG_MAX} characters;
 *     derived from the title when none is given
 * @param body the Markdown as typed, 1 to {@value #BODY_MAX} characters
 */
public record PageDefinition(String title, String slug, String body) {

	/** The longest title, in characters. */
	public static final int TITLE_MAX = 120;

	/** The longest slug, in characters. */
	public static final int SLUG_MAX = 60;

	/** The longest body, in characters. */
	public static final int BODY_MAX = 40_000;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** Slugs the pack and the application use for their own pages. */
	private static final Set<String> RESERVED = Set.of("index", "new", "reference", "about",
			"flowchart", "kpis", "examples", "pack", "edit");

	/**
	 * @param slug null or blank: derived from the title (accents folded, other signs as dashes)
	 * @throws InvalidInputException with every refused field ({@code title}, {@code slug},
	 *     {@code body}) when any is missing, too long or, for the title, not one line
	 *     ({@code field.one-line}) or, for the slug, not made of lower-case
	 *     letters, digits and dashes or reserved
	 */
	public static PageDefinition of(@Nullable String title, @Nullable String slug, @Nullable String body) {
		InputChecks checks = new InputChecks();
		String checkedTitle = checks.check(() -> {
			OneLine.Check.check("title", title);
			return required("title", title, TITLE_MAX);
		});
		String checkedSlug = checks.check(() -> slug(slug == null || slug.isBlank() ? derived(title) : slug.strip()));
		String checkedBody = checks.check(() -> {
			if (body == null || body.isBlank()) {
				throw new InvalidInputException("body", "field.required", "body: write the page's text");
			}
			if (body.length() > BODY_MAX) {
				throw new InvalidInputException("body", "field.too-long", "body: at most " + BODY_MAX + " characters",
						BODY_MAX);
			}
			return body;
		});
		checks.refuseIfAny();
		return new PageDefinition(Objects.requireNonNull(checkedTitle),
				Objects.requireNonNull(checkedSlug), Objects.requireNonNull(checkedBody));
	}

	private static String required(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "field.required", field + ": fill it in");
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, "field.too-long", field + ": at most " + max + " characters", max);
		}
		return text;
	}

	private static String slug(String slug) {
		if (slug.isEmpty()) {
			throw new InvalidInputException("slug", "pages.slug.required",
					"slug: give the page's address, e.g. our-service-desk");
		}
		if (slug.length() > SLUG_MAX) {
			throw new InvalidInputException("slug", "field.too-long", "slug: at most " + SLUG_MAX + " characters",
					SLUG_MAX);
		}
		if (!SLUG.matcher(slug).matches()) {
			throw new InvalidInputException("slug", "pages.slug.invalid",
					"slug: \"" + slug + "\" may hold only lower-case letters, digits and single dashes", slug);
		}
		if (RESERVED.contains(slug)) {
			throw new InvalidInputException("slug", "pages.slug.reserved",
					"slug: \"" + slug + "\" is the name of a generated page; choose another", slug);
		}
		return slug;
	}

	/** The title's words, accents folded, joined by dashes and cut at {@value #SLUG_MAX} characters; "" for none. */
	static String derived(@Nullable String title) {
		if (title == null) {
			return "";
		}
		String words = Folding.fold(title.strip()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (words.length() > SLUG_MAX) {
			words = words.substring(0, SLUG_MAX).replaceAll("-+$", "");
		}
		return words;
	}

}
