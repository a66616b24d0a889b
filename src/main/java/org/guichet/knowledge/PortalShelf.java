package org.guichet.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requesters' knowledge page (docs/KNOWLEDGE.md "Self-service"): the published public
 * articles only, whoever asks, by category, most useful first, or found by the articles' search
 * source. An article translated into the reader's language, the translation being published and
 * public too, is listed in that language only.
 */
@Service
@Transactional(readOnly = true)
public class PortalShelf {

	private static final String VISIBLE = " from article a where a.status = 'PUBLISHED' and a.audience = 'PUBLIC'"
			+ " and (a.language = :language or a.translation_id is null or not exists (select 1 from article t"
			+ " where t.id = a.translation_id and t.status = 'PUBLISHED' and t.audience = 'PUBLIC'))";

	private final JdbcClient jdbc;

	private final Categories categories;

	private final ArticleSearchSource search;

	PortalShelf(JdbcClient jdbc, Categories categories, ArticleSearchSource search) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.search = search;
	}

	/**
	 * The most useful articles, of the category and its sub-categories when one is given: the
	 * most "helpful" answers net of the "not helpful" ones first, then the most read.
	 *
	 * @param locale the reader's language: an article with a translation in it is given in it
	 * @param max at most that many
	 */
	public List<Shelved> mostUseful(@Nullable Long categoryId, Locale locale, int max) {
		String inCategory = "";
		List<Long> subtree = List.of();
		if (categoryId != null) {
			subtree = List.copyOf(categories.subtree(categoryId));
			inCategory = subtree.isEmpty() ? " and 1 = 0" : " and a.category_id in (:categories)";
		}
		var statement = jdbc.sql("select * from (select a.id, a.title, a.kind, a.category_id, a.view_count,"
				+ " (select count(*) from article_feedback f where f.article_id = a.id and f.helpful = true) as helpful,"
				+ " (select count(*) from article_feedback f where f.article_id = a.id and f.helpful = false) as not_helpful"
				+ VISIBLE + inCategory + ") s order by s.helpful - s.not_helpful desc, s.view_count desc, s.id")
			.param("language", language(locale));
		if (!subtree.isEmpty()) {
			statement = statement.param("categories", subtree);
		}
		return statement.query((rs, row) -> new Shelved(rs.getLong("id"), rs.getString("title"),
				ArticleKind.valueOf(rs.getString("kind")), (Long) rs.getObject("category_id", Long.class),
				rs.getLong("view_count"), rs.getLong("helpful"), rs.getLong("not_helpful")))
			.list()
			.stream()
			.limit(max)
			.toList();
	}

	/**
	 * The categories that hold a visible article, with how many each holds itself (its
	 * sub-categories have their own line), in the categories' order.
	 */
	public List<Shelf> shelves(Locale locale) {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select a.category_id, count(*) as n" + VISIBLE + " and a.category_id is not null group by a.category_id")
			.param("language", language(locale))
			.query(rs -> {
				counts.put(rs.getLong("category_id"), rs.getLong("n"));
			});
		var tree = categories.tree();
		return tree.depthFirst()
			.stream()
			.filter(placed -> counts.containsKey(placed.id()))
			.map(placed -> new Shelf(placed.id(), tree.path(placed.id()), counts.get(placed.id())))
			.toList();
	}

	/**
	 * The published public articles found by their words, of the category when one is given,
	 * with excerpts, by the articles' search source; a member of the IT team finds only those too.
	 *
	 * @param page from 0
	 */
	public SearchResults search(String words, @Nullable Long categoryId, CurrentUser reader, Locale locale, int page,
			int size) {
		Map<String, List<String>> filters = new HashMap<>();
		filters.put("status", List.of(ArticleStatus.PUBLISHED.name()));
		filters.put("audience", List.of(ArticleAudience.PUBLIC.name()));
		if (categoryId != null) {
			filters.put("category", List.of(String.valueOf(categoryId)));
		}
		return search.search(new SearchRequest(words, reader, locale, filters, Math.max(page, 0), size));
	}

	private static String language(Locale locale) {
		return ArticleLanguage.of(locale).name();
	}

	/** An article on the shelf, with its readers' answers ({@code helpful}, {@code notHelpful}) and readings. */
	public record Shelved(long id, String title, ArticleKind kind, @Nullable Long categoryId, long views, long helpful,
			long notHelpful) {
	}

	/** A category holding {@code count} visible articles; {@code path} is its name with its parents'. */
	public record Shelf(long categoryId, String path, long count) {
	}

}
