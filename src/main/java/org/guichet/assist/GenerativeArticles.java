package org.guichet.assist;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.GeneratedArticles;
import org.guichet.text.Titles;
import org.guichet.tickets.TicketId;
import org.springframework.stereotype.Service;

/**
 * An article draft written by the language model from a resolved ticket: the knowledge base's own
 * draft of the ticket (its kind, audience, category) with the model's title and text, created as a
 * draft linked to the ticket and marked as generated ({@link GeneratedArticles}); never published
 * by itself.
 */
@Service
public class GenerativeArticles {

	private static final Pattern TITLE = Pattern.compile("\\A\\s*(?:#+\\s*)?(?:\\*\\*)?(?:Title|Titre)\\s*:\\s*(.+?)(?:\\*\\*)?\\s*(?:\\n|\\z)",
			Pattern.CASE_INSENSITIVE);

	private final GenerativeHelp help;

	private final Articles articles;

	private final GeneratedArticles generated;

	GenerativeArticles(GenerativeHelp help, Articles articles, GeneratedArticles generated) {
		this.help = help;
		this.articles = articles;
		this.generated = generated;
	}

	/** The sections an article draft has, in the language it is written in. */
	static List<String> headings(Locale language) {
		return ArticleLanguage.of(language) == ArticleLanguage.FR ? List.of("Problème", "Cause", "Solution")
				: List.of("Problem", "Cause", "Solution");
	}

	/**
	 * Asks the model for an article from the ticket and creates it as a draft owned by {@code by}.
	 *
	 * @param locale the article's language (French or English)
	 * @return the new article's id
	 * @throws GenerativeFailure as {@link GenerativeHelp#generate} does, and {@code MALFORMED} for an answer with no text under its title
	 * @throws org.guichet.system.DomainException as the knowledge base refuses the draft (a ticket not resolved, a person who may not write)
	 */
	public long draft(TicketId ticket, CurrentUser by, Locale locale) {
		ArticleLanguage language = ArticleLanguage.of(locale);
		ArticleContent base = articles.draftFrom(ticket, language, by);
		GenerativeHelp.Generated answer = help.generate(ticket, GenerativeFeature.ARTICLE, by, locale);
		String text = answer.text().strip();
		String title = base.title();
		Matcher m = TITLE.matcher(text);
		if (m.find()) {
			title = m.group(1).strip();
			text = text.substring(m.end()).strip();
		}
		if (text.isEmpty()) {
			throw new GenerativeFailure(GenerativeFailure.Reason.MALFORMED, "The article has a title but no text");
		}
		ArticleContent content = ArticleContent.of(cut(Titles.oneLine(title), Article.TITLE_MAX), cut(text, Article.BODY_MAX),
				base.kind(), base.audience(), base.categoryId(), base.tags(), base.reviewOn());
		return generated.create(content, language, ticket, answer.model(), by).getId();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
