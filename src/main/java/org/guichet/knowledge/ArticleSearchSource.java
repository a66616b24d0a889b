package org.guichet.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.guichet.directory.CurrentUser;
import org.guichet.search.Facet;
import org.guichet.search.SearchHit;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.search.SearchSource;
import org.guichet.search.SearchWords;
import org.guichet.text.Folding;
import org.guichet.tickets.Categories;
import org.guichet.tickets.CategoryTree;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The articles' part of the global search (kind {@code article}), over the index of
 * {@link Article}: title, text and tags in French and in English, the title weighing three times
 * the rest; every word typed must be found. Visibility is part of the query: a reader outside the
 * IT team matches only published public articles, so an internal or unpublished article is never
 * a hit, a count or a facet value for them; the IT team matches every article, drafts and archives
 * included (the status facet tells them apart). An article and its translation are one hit, found
 * by the words of either, in the reader's language when that version is a hit for them too (a
 * filter on {@code language} folds nothing). Filters and facets: {@code kind}, {@code status},
 * {@code category} (a category keeps its sub-categories), {@code audience}, {@code language},
 * {@code tag}; any other filter is refused.
 */
@Component
class ArticleSearchSource implements SearchSource {

	static final String KIND = "article";

	private static final Set<String> FILTERS = Set.of("kind", "status", "category", "audience", "language", "tag");

	/** The article's titles. */
	private static final String[] TITLE = { "title_fr", "title_en" };

	/** The article's text and tags. */
	private static final String[] TEXT = { "body_fr", "body_en", "tags_fr", "tags_en" };

	/** A hit's first columns: the article, then its own text's highlights in French and English; its translation's follow. */
	private static final int OWN_COLUMNS = 3;

	/** Its translation's titles: one of a pair is found by the words of either, when the reader may read both. */
	private static final String[] TRANSLATION_TITLE = { "translation.title_fr", "translation.title_en" };

	private static final String[] TRANSLATION_TEXT = { "translation.body_fr", "translation.body_en",
			"translation.tags_fr", "translation.tags_en" };

	/** Where a translation's fields are, in an article's document. */
	private static final String TRANSLATION = "translation.";

	private static final int EXCERPT = 160;

	private static final int FACET_VALUES = 50;

	private static final int RELATED_TEXT = 2000;

	@PersistenceContext
	private EntityManager entityManager;

	private final Categories categories;

	private final MessageSource messages;

	ArticleSearchSource(Categories categories, MessageSource messages) {
		this.categories = categories;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	@Transactional(readOnly = true)
	public SearchResults search(SearchRequest request) {
		checkFilters(request);
		if (request.text() == null || request.text().isBlank()) {
			return SearchResults.none(KIND);
		}
		boolean agent = request.reader().isAgent();
		AggregationKey<Map<String, Long>> kinds = AggregationKey.of("kind");
		AggregationKey<Map<String, Long>> statuses = AggregationKey.of("status");
		AggregationKey<Map<Long, Long>> categoryCounts = AggregationKey.of("category");
		var query = Search.session(entityManager)
			.search(Article.class)
			.select(f -> f.composite()
				.from(f.entity(), f.highlight("body_fr"), f.highlight("body_en"), f.highlight("translation.body_fr"),
						f.highlight("translation.body_en"))
				.asList(projected -> found(projected, agent)))
			.where((f, root) -> {
				root.add(readable(f, request.reader(), (titles, texts) -> words(f, titles, texts, request.text())));
				visibleAndFiltered(f, request).forEach(root::add);
			})
			.aggregation(kinds, f -> f.terms().field("kind", String.class, ValueModel.INDEX).maxTermCount(FACET_VALUES))
			.aggregation(categoryCounts, f -> f.terms().field("categoryId", Long.class).maxTermCount(FACET_VALUES));
		if (agent) {
			query = query.aggregation(statuses,
					f -> f.terms().field("status", String.class, ValueModel.INDEX).maxTermCount(FACET_VALUES));
		}
		SearchResult<Found> result = query
			.highlighter(f -> f.plain()
				.tag("<mark>", "</mark>")
				.encoder(HighlighterEncoder.HTML)
				.fragmentSize(EXCERPT)
				.numberOfFragments(1))
			.fetch(request.page() * request.size(), request.size());
		Locale locale = request.locale();
		List<Facet> facets = new ArrayList<>();
		facets.add(enumFacet("kind", result.aggregation(kinds), locale));
		if (agent) {
			facets.add(enumFacet("status", result.aggregation(statuses), locale));
		}
		facets.add(categoryFacet(result.aggregation(categoryCounts), locale));
		List<SearchHit> hits = result.hits().stream().map(found -> hit(found, request)).toList();
		return new SearchResults(KIND, result.total().hitCount(), hits, facets);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SearchHit> suggest(SearchRequest request, int max) {
		checkFilters(request);
		String typed = request.text() == null ? "" : request.text().strip();
		// the words typed to leave out ("-imprimante") leave out what the results page would
		String text = SearchWords.included(typed);
		List<String> excluded = SearchWords.excluded(typed);
		if (text.isEmpty() || max < 1) {
			return List.of();
		}
		int lastSpace = text.lastIndexOf(' ');
		String done = lastSpace < 0 ? "" : text.substring(0, lastSpace);
		String last = Folding.fold(text.substring(lastSpace + 1)).toLowerCase(Locale.ROOT).replaceAll("[*?\\\\]", "");
		return Search.session(entityManager)
			.search(Article.class)
			.where((f, root) -> {
				if (!done.isBlank()) {
					root.add(readable(f, request.reader(), (titles, texts) -> words(f, titles, texts, done)));
				}
				if (!last.isEmpty()) {
					root.add(readable(f, request.reader(), (titles, texts) -> f.bool()
						.should(f.match().fields(titles).boost(3f).fields(texts).matching(last))
						.should(f.wildcard().fields(titles).boost(3f).fields(texts).matching(last + "*"))));
				}
				excluded.forEach(word -> root.add(
						f.not(readable(f, request.reader(), (titles, texts) -> words(f, titles, texts, word)))));
				visibleAndFiltered(f, request).forEach(root::add);
			})
			.fetchHits(Math.min(max, 20))
			.stream()
			.map(article -> hit(new Found(article, ""), request))
			.toList();
	}

	/**
	 * Published articles relevant to a text (a ticket's title and description as typed), best
	 * first: two of its words at least (one of a text of one or two words), found in the title (weighing three times) or the text and
	 * tags, and an article of the category or one of its parents weighs more. Visibility is the
	 * search's: a requester matches only published public articles. At most the first
	 * {@value #RELATED_TEXT} characters of the text are read, and of their significant words the
	 * first {@link SearchWords#MOST_WORDS} distinct ones ({@link SearchWords#significant}).
	 *
	 * @param categoryId the ticket's category, or null
	 * @param locale the reader's language: of an article and its translation, only the one in it is given
	 * @param leftOut articles never given (a ticket's own diagnosis procedure)
	 * @param max at most that many articles, 1 to 20
	 */
	@Transactional(readOnly = true)
	List<Article> related(String text, @Nullable Long categoryId, CurrentUser reader, Locale locale, Set<Long> leftOut,
			int max) {
		String read = text.length() > RELATED_TEXT ? text.substring(0, RELATED_TEXT) : text;
		String words = String.join(" ", SearchWords.significant(read));
		if (words.isBlank() || max < 1) {
			return List.of();
		}
		SearchRequest request = new SearchRequest(words, reader, locale,
				Map.of("status", List.of(ArticleStatus.PUBLISHED.name())), 0, 1);
		List<Long> lineage = categories.lineage(categoryId);
		return Search.session(entityManager)
			.search(Article.class)
			.where((f, root) -> {
				root.add(readable(f, reader, (titles, texts) -> f.match()
					.fields(titles)
					.boost(3f)
					.fields(texts)
					.matching(words)
					.minimumShouldMatch()
					.ifMoreThan(2)
					.thenRequireNumber(2)
					.end()));
				visibleAndFiltered(f, request).forEach(root::add);
				if (!leftOut.isEmpty()) {
					root.add(f.not(f.id().matchingAny(leftOut)));
				}
				if (!lineage.isEmpty()) {
					root.add(f.bool()
						.must(f.matchAll())
						.should(f.terms().field("categoryId").matchingAny(lineage).boost(2f)));
				}
			})
			.fetchHits(Math.min(max, 20));
	}

	/** Every word typed, found in the titles (weighing three times) or the texts and tags given. */
	private static PredicateFinalStep words(SearchPredicateFactory f, String[] titles, String[] texts, String text) {
		return f.simpleQueryString()
			.fields(titles)
			.boost(3f)
			.fields(texts)
			.matching(SearchWords.atMostWords(text))
			.defaultOperator(BooleanOperator.AND);
	}

	/**
	 * The words' predicate over the fields the reader may read: the article's own and its
	 * translation's for the IT team; for a requester, the translation's only when the translation
	 * is published and public too (an internal or draft translation's words must neither find nor
	 * be quoted for them).
	 *
	 * @param words the predicate over the titles and texts given
	 */
	private static PredicateFinalStep readable(SearchPredicateFactory f, CurrentUser reader,
			BiFunction<String[], String[], PredicateFinalStep> words) {
		if (reader.isAgent()) {
			return f.or(words.apply(TITLE, TEXT), words.apply(TRANSLATION_TITLE, TRANSLATION_TEXT));
		}
		return f.or(words.apply(TITLE, TEXT),
				f.and(words.apply(TRANSLATION_TITLE, TRANSLATION_TEXT),
						f.match().field(TRANSLATION + "status").matching(ArticleStatus.PUBLISHED),
						f.match().field(TRANSLATION + "audience").matching(ArticleAudience.PUBLIC)));
	}

	/**
	 * What the reader may see and the filters ask, and one article of each translation pair: the
	 * one in the reader's language when its translation is a hit too (both are found by the same
	 * words), so that a pair is one hit, one count and one facet value. A filter on the language
	 * asks for that language: then both may be hits.
	 */
	private List<PredicateFinalStep> visibleAndFiltered(SearchPredicateFactory f, SearchRequest request) {
		List<PredicateFinalStep> clauses = new ArrayList<>(visibleAndFiltered(f, request, ""));
		if (!request.filters().containsKey("language")) {
			var translationAlsoAHit = f.bool().must(f.exists().field(TRANSLATION + "status"));
			visibleAndFiltered(f, request, TRANSLATION).forEach(translationAlsoAHit::must);
			clauses.add(f.bool()
				.should(f.match().field("language").matching(ArticleLanguage.of(request.locale())))
				.should(f.not(translationAlsoAHit)));
		}
		return clauses;
	}

	/** The visibility and filters on the article's own fields ({@code prefix} "") or on its translation's. */
	private List<PredicateFinalStep> visibleAndFiltered(SearchPredicateFactory f, SearchRequest request, String prefix) {
		List<PredicateFinalStep> clauses = new ArrayList<>();
		if (!request.reader().isAgent()) {
			clauses.add(f.match().field(prefix + "status").matching(ArticleStatus.PUBLISHED));
			clauses.add(f.match().field(prefix + "audience").matching(ArticleAudience.PUBLIC));
		}
		request.filters().forEach((field, values) -> {
			if (values.isEmpty() || field.equals("language") && !prefix.isEmpty()) {
				return;
			}
			clauses.add(switch (field) {
				case "category" -> f.terms().field(prefix + "categoryId").matchingAny(categoryIds(values));
				case "tag" -> f.terms()
					.field(prefix + "tag")
					.matchingAny(values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList());
				default -> f.terms().field(prefix + field).matchingAny(enumValues(field, values), ValueModel.INDEX);
			});
		});
		return clauses;
	}

	/**
	 * The article and the passage that matched, escaped and marked ({@code projected}: the article,
	 * then the highlights of its text in French and English analysis, then its translation's): of
	 * its own text, else of its translation's (the words typed may be in the other language),
	 * else, when only the title or the tags matched, the text's beginning, escaped.
	 */
	private static Found found(List<?> projected, boolean agent) {
		Article article = (Article) projected.get(0);
		Article translation = article.getTranslation();
		boolean translationReadable = agent || translation != null && translation.getStatus() == ArticleStatus.PUBLISHED
				&& translation.getAudience() == ArticleAudience.PUBLIC;
		// the article's own highlights come first, its translation's last
		List<?> highlighted = projected.subList(1, translationReadable ? projected.size() : OWN_COLUMNS);
		for (Object highlights : highlighted) {
			if (highlights instanceof List<?> passages && !passages.isEmpty()) {
				return new Found(article, (String) passages.get(0));
			}
		}
		String text = article.getPlainText().strip();
		int end = text.length() <= EXCERPT ? text.length() : Math.max(text.lastIndexOf(' ', EXCERPT), EXCERPT / 2);
		return new Found(article, HtmlUtils.htmlEscape(text.substring(0, end) + (end < text.length() ? "…" : ""), "UTF-8"));
	}

	private static void checkFilters(SearchRequest request) {
		for (String field : request.filters().keySet()) {
			if (!FILTERS.contains(field)) {
				throw new IllegalArgumentException("Articles are not filtered by " + field + "; filters: " + FILTERS);
			}
		}
	}

	private List<Long> categoryIds(List<String> values) {
		List<Long> ids = new ArrayList<>();
		for (String value : values) {
			try {
				ids.addAll(categories.subtree(Long.parseLong(value.strip())));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("A category is given by its id, not " + value, ex);
			}
		}
		return ids.isEmpty() ? List.of(-1L) : ids;
	}

	private static List<String> enumValues(String field, List<String> values) {
		Class<? extends Enum<?>> type = switch (field) {
			case "kind" -> ArticleKind.class;
			case "status" -> ArticleStatus.class;
			case "audience" -> ArticleAudience.class;
			default -> ArticleLanguage.class;
		};
		List<String> names = new ArrayList<>();
		for (String value : values) {
			String name = value.strip().toUpperCase(Locale.ROOT);
			boolean known = false;
			for (Enum<?> constant : type.getEnumConstants()) {
				known |= constant.name().equals(name);
			}
			if (!known) {
				throw new IllegalArgumentException("No " + field + " " + value);
			}
			names.add(name);
		}
		return names;
	}

	private SearchHit hit(Found found, SearchRequest request) {
		Article article = found.article();
		Locale locale = request.locale();
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("kind", message("knowledge.kind." + article.getKind(), locale));
		if (request.reader().isAgent()) {
			labels.put("status", message("knowledge.status." + article.getStatus(), locale));
			labels.put("audience", message("knowledge.audience." + article.getAudience(), locale));
		}
		if (article.getCategoryId() != null) {
			labels.put("category", categories.tree().path(article.getCategoryId()));
		}
		labels.put("language", article.getLanguage().name().toLowerCase(Locale.ROOT));
		String url = (request.reader().isAgent() ? "/agent/knowledge/" : "/portal/knowledge/") + article.getId();
		return new SearchHit(KIND, String.valueOf(article.getId()), article.getTitle(), found.excerptHtml(), url, labels);
	}

	private Facet enumFacet(String field, Map<String, Long> counts, Locale locale) {
		List<Facet.Value> values = counts.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> new Facet.Value(e.getKey(), message("knowledge." + field + "." + e.getKey(), locale), e.getValue()))
			.toList();
		return new Facet(field, message("knowledge.facet." + field, locale), values);
	}

	private Facet categoryFacet(Map<Long, Long> counts, Locale locale) {
		CategoryTree tree = categories.tree();
		List<Facet.Value> values = counts.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
			.map(e -> new Facet.Value(String.valueOf(e.getKey()), tree.path(e.getKey()), e.getValue()))
			.toList();
		return new Facet("category", message("knowledge.facet.category", locale), values);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** An article found, with the passage of its text that matched (escaped HTML, {@code <mark>}ed), or empty. */
	private record Found(Article article, String excerptHtml) {
	}

}
