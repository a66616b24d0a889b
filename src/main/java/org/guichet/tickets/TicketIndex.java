package org.guichet.tickets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.search.Facet;
import org.guichet.search.SearchHit;
import org.guichet.search.SearchRequest;
import org.guichet.search.SearchResults;
import org.guichet.search.SearchSource;
import org.guichet.search.SearchWords;
import org.guichet.search.SimilarRequest;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets' full-text search, read from the index ({@link TicketIndexMapping}): the global
 * search's {@code ticket} source, and the ids matching a list's words for {@link TicketSearch}.
 * <p>
 * {@link TicketAccess}'s rule is written into every query as index predicates: a requester's
 * query matches only the tickets they requested or observe, and never reads the internal notes'
 * fields; an agent's matches the tickets of their groups, unrouted, assigned to them, requested by
 * them, or that they took part in (that set read from {@code ticket_participant}, as the lists
 * read it); a supervisor's or administrator's, every ticket. A ticket the reader may not open is
 * thus never a hit, a count or a facet value.
 */
@Component
@Transactional(readOnly = true)
class TicketIndex implements SearchSource {

	/** The most matches a list's words select, best first ({@link TicketSearch}). */
	static final int LIST_MATCHES = 1000;

	private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,18})");

	private static final Set<SimpleQueryFlag> FLAGS = Set.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR,
			SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PRECEDENCE, SimpleQueryFlag.WHITESPACE,
			SimpleQueryFlag.PREFIX);

	private static final List<String> FACETS = List.of("status", "type", "category", "group");

	private static final List<String> REQUESTER_FACETS = List.of("status", "type", "category");

	private final EntityManager em;

	private final TicketAccess access;

	private final Categories categories;

	private final CategoryRepository categoryRepository;

	private final SupportGroupRepository groups;

	private final MessageSource messages;

	TicketIndex(EntityManager em, TicketAccess access, Categories categories, CategoryRepository categoryRepository,
			SupportGroupRepository groups, MessageSource messages) {
		this.em = em;
		this.access = access;
		this.categories = categories;
		this.categoryRepository = categoryRepository;
		this.groups = groups;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return "ticket";
	}

	@Override
	public SearchResults search(SearchRequest request) {
		String text = request.text().strip();
		Map<String, List<String>> filters = checked(request.filters(), request.reader());
		if (text.isEmpty()) {
			return SearchResults.none(kind());
		}
		Visibility visibility = visibility(request.reader());
		AggregationKey<Map<Status, Long>> byStatus = AggregationKey.of("status");
		AggregationKey<Map<TicketType, Long>> byType = AggregationKey.of("type");
		AggregationKey<Map<String, Long>> byCategory = AggregationKey.of("category");
		AggregationKey<Map<String, Long>> byGroup = AggregationKey.of("group");
		List<String> excerpts = texts(request.reader());
		var query = session().search(Ticket.class)
			.select(f -> {
				List<SearchProjection<?>> columns = new ArrayList<>(List.of(
						f.field(TicketIndexFields.NUMBER, Long.class).toProjection(),
						f.field(TicketIndexFields.TITLE, String.class).toProjection(),
						f.field("status").toProjection(), f.field("type").toProjection()));
				for (String field : excerpts) {
					columns.add(f.highlight(field).toProjection());
				}
				return f.composite().from(columns.toArray(SearchProjection<?>[]::new)).asList();
			})
			.where(f -> f.and(words(f, text, request.reader()), visibility.predicate(f), filtered(f, filters)))
			.aggregation(byStatus, f -> f.terms().field("status", Status.class).maxTermCount(20))
			.aggregation(byType, f -> f.terms().field("type", TicketType.class).maxTermCount(20))
			.aggregation(byCategory, f -> f.terms().field(TicketIndexFields.CATEGORY, String.class, ValueModel.INDEX).maxTermCount(50))
			.aggregation(byGroup, f -> f.terms().field(TicketIndexFields.GROUP, String.class, ValueModel.INDEX).maxTermCount(50))
			.highlighter(h -> h.unified().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
				.numberOfFragments(1))
			.sort(f -> f.score().then().field(TicketIndexFields.NUMBER).desc());
		SearchResult<List<?>> result = query.fetch(request.page() * request.size(), request.size());
		Locale locale = request.locale();
		List<SearchHit> hits = result.hits().stream().map(row -> hit(row, request.reader(), locale)).toList();
		List<Facet> facets = new ArrayList<>(List.of(facet("status", result.aggregation(byStatus), locale),
				facet("type", result.aggregation(byType), locale),
				facet("category", result.aggregation(byCategory), locale)));
		// the support groups are the IT team's organisation, which the portal never shows a requester
		if (request.reader().isAgent()) {
			facets.add(facet("group", result.aggregation(byGroup), locale));
		}
		return new SearchResults(kind(), result.total().hitCountLowerBound(), hits, facets);
	}

	@Override
	public List<SearchHit> suggest(SearchRequest request, int max) {
		String text = request.text().strip();
		if (text.isEmpty() || max < 1) {
			return List.of();
		}
		Visibility visibility = visibility(request.reader());
		return session().search(Ticket.class)
			.select(f -> f.composite()
				.from(f.field(TicketIndexFields.NUMBER, Long.class),
						f.field(TicketIndexFields.TITLE, String.class),
						f.field("status"), f.field("type"))
				.asList())
			.where(f -> {
				// the words typed to leave out ("-imprimante") leave out what the results page would
				String included = SearchWords.included(text);
				var all = f.and().add(included.isEmpty() ? f.matchNone() : titleWords(f, included))
					.add(visibility.predicate(f));
				SearchWords.excluded(text).forEach(word -> all.add(f.not(words(f, word, request.reader()))));
				return all;
			})
			.sort(f -> f.score().then().field(TicketIndexFields.NUMBER).desc())
			.fetchHits(max)
			.stream()
			.map(row -> hit(row, request.reader(), request.locale()))
			.toList();
	}

	/**
	 * The tickets most like a text: its significant words ({@link SearchWords#significant}) as
	 * alternatives in the title (weighing three times) and the public texts, two of them at least
	 * when it has more than two, within the request's filters (those of {@link #search}); cancelled tickets and those left out are never given.
	 */
	@Override
	public List<SearchHit> similar(SimilarRequest request) {
		List<String> words = SearchWords.significant(request.text());
		Map<String, List<String>> filters = checked(request.filters(), request.reader());
		if (words.isEmpty()) {
			return List.of();
		}
		List<Long> leftOut = request.leftOut().stream().filter(id -> NUMBER.matcher(id).matches()).map(Long::valueOf).toList();
		Visibility visibility = visibility(request.reader());
		return session().search(Ticket.class)
			.select(f -> f.composite()
				.from(f.field(TicketIndexFields.NUMBER, Long.class), f.field(TicketIndexFields.TITLE, String.class),
						f.field("status"), f.field("type"))
				.asList())
			.where((f, root) -> {
				root.add(f.match()
					.field(TicketIndexFields.TITLE)
					.boost(3f)
					.field(TicketIndexFields.TEXT)
					.matching(String.join(" ", words))
					.minimumShouldMatch()
					.ifMoreThan(2)
					.thenRequireNumber(2)
					.end());
				root.add(visibility.predicate(f));
				root.add(filtered(f, filters));
				root.add(f.not(f.match().field("status").matching(Status.CANCELLED)));
				if (!leftOut.isEmpty()) {
					root.add(f.not(f.id().matchingAny(leftOut)));
				}
			})
			.sort(f -> f.score().then().field(TicketIndexFields.NUMBER).desc())
			.fetchHits(request.max())
			.stream()
			.map(row -> hit(row, request.reader(), request.locale()))
			.toList();
	}

	/**
	 * The ids of the tickets the reader may see whose texts match {@code text}, best first, at most
	 * {@code max}, within the list's criteria that the index holds (status, type, priority, group,
	 * assignee, requester, categories, and the queues those make): the list's query applies every
	 * criterion again, with its order.
	 *
	 * @param text the words typed, not blank
	 * @param categoryIds the categories the list keeps, or null for any
	 */
	List<Long> matchingIds(String text, CurrentUser reader, TicketQuery query, @Nullable Set<Long> categoryIds,
			int max) {
		Visibility visibility = visibility(reader);
		return session().search(Ticket.class)
			.select(f -> f.field(TicketIndexFields.NUMBER, Long.class))
			.where(f -> {
				var all = f.and().add(words(f, text, reader)).add(visibility.predicate(f));
				listCriteria(f, query, reader, categoryIds).forEach(all::add);
				return all;
			})
			.sort(f -> f.score().then().field(TicketIndexFields.NUMBER).desc())
			.fetchHits(max);
	}

	private SearchSession session() {
		return Search.session(em);
	}

	/**
	 * The words in every text field the reader may read, each word required (in any field); the
	 * title counts three times. {@code #1042} or {@code 1042} also finds that
	 * ticket by its number.
	 */
	private PredicateFinalStep words(SearchPredicateFactory f, String text, CurrentUser reader) {
		var step = f.simpleQueryString().field(TicketIndexFields.TITLE).boost(3f);
		for (String field : texts(reader)) {
			step = step.field(field);
		}
		var matching = step.matching(SearchWords.atMostWords(text)).defaultOperator(BooleanOperator.AND).flags(FLAGS);
		var number = NUMBER.matcher(text);
		if (number.matches()) {
			return f.or(f.id().matching(Long.parseLong(number.group(1))).boost(10f), matching);
		}
		return matching;
	}

	/**
	 * The texts besides the title that the reader's words are looked for in and the excerpt taken
	 * from: the public ones, then the internal notes for the IT team only.
	 */
	private static List<String> texts(CurrentUser reader) {
		return reader.isAgent() ? List.of(TicketIndexFields.TEXT, TicketIndexFields.NOTES) : List.of(TicketIndexFields.TEXT);
	}

	/** The words typed so far in the title, the last one as the start of a word. */
	private static PredicateFinalStep titleWords(SearchPredicateFactory f, String text) {
		String typed = SearchWords.atMostWords(text.replaceAll("[\"+|\\-*()~]", " ").strip());
		String title = TicketIndexFields.TITLE;
		PredicateFinalStep matching;
		if (typed.isEmpty()) {
			matching = f.simpleQueryString().field(title).matching(text).defaultOperator(BooleanOperator.AND)
				.flags(SimpleQueryFlag.WHITESPACE);
		}
		else {
			// The last word is being typed: a prefix ("impri"), or a whole word ("imprimante",
			// "bloquée", "claviers"), which a prefix alone misses, the index holding its stem.
			int lastSpace = typed.lastIndexOf(' ');
			String done = typed.substring(0, Math.max(lastSpace, 0)).strip();
			String last = typed.substring(lastSpace + 1);
			var all = f.bool();
			if (!done.isEmpty()) {
				all.must(f.simpleQueryString().field(title).matching(done).defaultOperator(BooleanOperator.AND)
					.flags(SimpleQueryFlag.WHITESPACE));
			}
			all.must(f.bool()
				.should(f.simpleQueryString().field(title).matching(last).flags(SimpleQueryFlag.WHITESPACE))
				.should(f.simpleQueryString().field(title).matching(last + "*")
					.flags(SimpleQueryFlag.PREFIX, SimpleQueryFlag.WHITESPACE)));
			matching = all;
		}
		var number = NUMBER.matcher(text);
		if (number.matches()) {
			return f.or(f.id().matching(Long.parseLong(number.group(1))).boost(10f), matching);
		}
		return matching;
	}

	/** The list's criteria held by the index. */
	private static List<PredicateFinalStep> listCriteria(SearchPredicateFactory f, TicketQuery query, CurrentUser reader,
			@Nullable Set<Long> categoryIds) {
		List<PredicateFinalStep> criteria = new ArrayList<>();
		if (query.status() != null) {
			criteria.add(f.match().field("status").matching(query.status()));
		}
		if (query.type() != null) {
			criteria.add(f.match().field("type").matching(query.type()));
		}
		if (query.priority() != null) {
			criteria.add(f.match().field("priority").matching(query.priority()));
		}
		if (query.groupId() != null) {
			criteria.add(f.match().field(TicketIndexFields.GROUP).matching(TicketIndexFields.key(query.groupId()), ValueModel.INDEX));
		}
		if (query.assigneeId() != null) {
			criteria.add(f.match().field(TicketIndexFields.ASSIGNEE).matching(TicketIndexFields.key(query.assigneeId()), ValueModel.INDEX));
		}
		if (query.requesterId() != null) {
			criteria.add(f.match().field(TicketIndexFields.REQUESTER).matching(TicketIndexFields.key(query.requesterId()), ValueModel.INDEX));
		}
		if (categoryIds != null) {
			criteria.add(categoryIds.isEmpty() ? f.matchNone() : f.terms().field(TicketIndexFields.CATEGORY).matchingAny(TicketIndexFields.keys(categoryIds), ValueModel.INDEX));
		}
		if (query.queue() != null) {
			switch (query.queue()) {
				case UNASSIGNED -> criteria.add(f.and(f.match().field("status").matching(Status.NEW),
						f.not(f.exists().field(TicketIndexFields.ASSIGNEE))));
				case MINE -> criteria.add(f.match().field(TicketIndexFields.ASSIGNEE).matching(TicketIndexFields.key(reader.id()), ValueModel.INDEX));
				case PENDING -> criteria.add(f.match().field("status").matching(Status.PENDING));
				case RESOLVED -> criteria.add(f.match().field("status").matching(Status.RESOLVED));
				default -> {
				}
			}
		}
		return criteria;
	}

	/** The facet filters, each field's values as alternatives. */
	private PredicateFinalStep filtered(SearchPredicateFactory f, Map<String, List<String>> filters) {
		var all = f.and();
		all.add(f.matchAll());
		filters.forEach((field, values) -> {
			if (values.isEmpty()) {
				return;
			}
			switch (field) {
				case "status" -> all.add(f.terms().field(field).matchingAny(values.stream().map(Status::valueOf).toList()));
				case "type" -> all.add(f.terms().field(field).matchingAny(values.stream().map(TicketType::valueOf).toList()));
				case "group" -> all.add(f.terms().field(TicketIndexFields.GROUP).matchingAny(TicketIndexFields.keys(ids(field, values)), ValueModel.INDEX));
				case "category" -> {
					List<Long> subtrees = ids(field, values).stream().flatMap(id -> categories.subtree(id).stream()).toList();
					all.add(subtrees.isEmpty() ? f.matchNone() : f.terms().field(TicketIndexFields.CATEGORY).matchingAny(TicketIndexFields.keys(subtrees), ValueModel.INDEX));
				}
				default -> throw new IllegalArgumentException("unknown filter " + field);
			}
		});
		return all;
	}

	/**
	 * The filters, refused with {@link IllegalArgumentException} when a field or value is unknown, or
	 * when a requester filters by support group: the groups are the IT team's organisation, which a
	 * requester neither sees as a facet nor may probe by filtering.
	 */
	private static Map<String, List<String>> checked(Map<String, List<String>> filters, CurrentUser reader) {
		filters.forEach((field, values) -> {
			if ("group".equals(field) && !reader.isAgent()) {
				throw new IllegalArgumentException("tickets have no filter group; known: " + REQUESTER_FACETS);
			}
			switch (field) {
				case "status" -> values.forEach(value -> known(field, value, Status.class));
				case "type" -> values.forEach(value -> known(field, value, TicketType.class));
				case "group", "category" -> ids(field, values);
				default -> throw new IllegalArgumentException("tickets have no filter " + field + "; known: " + FACETS);
			}
		});
		return filters;
	}

	private static <E extends Enum<E>> void known(String field, String value, Class<E> type) {
		try {
			Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(field + " takes one of " + java.util.Arrays.toString(type.getEnumConstants()), e);
		}
	}

	private static List<Long> ids(String field, List<String> values) {
		try {
			return values.stream().map(Long::valueOf).toList();
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(field + " takes ids (numbers)", e);
		}
	}

	/** {@link TicketAccess}'s rule for the reader, as an index predicate. */
	private Visibility visibility(CurrentUser reader) {
		if (access.seesEveryTicket(reader)) {
			return SearchPredicateFactory::matchAll;
		}
		long id = reader.id();
		String me = TicketIndexFields.key(id);
		if (!reader.isAgent()) {
			return f -> f.or(f.match().field(TicketIndexFields.REQUESTER).matching(me, ValueModel.INDEX),
					f.match().field(TicketIndexFields.OBSERVERS).matching(me, ValueModel.INDEX));
		}
		List<Long> myGroups = access.groupsOf(reader);
		List<Long> tookPart = em
			.createQuery("select p.ticketId from TicketParticipant p where p.userId = :me", Long.class)
			.setParameter("me", id)
			.getResultList();
		return f -> {
			var any = f.or()
				.add(f.match().field(TicketIndexFields.UNROUTED).matching(TicketIndexFields.UNROUTED_VALUE, ValueModel.INDEX))
				.add(f.match().field(TicketIndexFields.ASSIGNEE).matching(me, ValueModel.INDEX))
				.add(f.match().field(TicketIndexFields.REQUESTER).matching(me, ValueModel.INDEX));
			if (!myGroups.isEmpty()) {
				any.add(f.terms().field(TicketIndexFields.GROUP).matchingAny(TicketIndexFields.keys(myGroups), ValueModel.INDEX));
			}
			if (!tookPart.isEmpty()) {
				any.add(f.id().matchingAny(tookPart));
			}
			return any;
		};
	}

	/** The visibility predicate of one reader. */
	@FunctionalInterface
	private interface Visibility {

		PredicateFinalStep predicate(SearchPredicateFactory f);

	}

	private SearchHit hit(List<?> row, CurrentUser reader, Locale locale) {
		long number = (Long) row.get(0);
		String excerpt = "";
		for (Object highlights : row.subList(4, row.size())) {
			if (highlights instanceof List<?> list && !list.isEmpty()) {
				excerpt = String.valueOf(list.get(0));
				break;
			}
		}
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("number", new TicketId(number).toString());
		String status = ((Enum<?>) row.get(2)).name();
		String type = ((Enum<?>) row.get(3)).name();
		labels.put("status", messages.getMessage("status." + status, null, status, locale));
		labels.put("type", messages.getMessage("type." + type, null, type, locale));
		String url = (reader.isAgent() ? "/agent/tickets/" : "/portal/tickets/") + number;
		return new SearchHit(kind(), Long.toString(number), String.valueOf(row.get(1)), excerpt, url, labels);
	}

	/** The labels of a facet's values that are ids, read in one query; an id no longer found labels itself. */
	private static <T> Function<String, String> names(List<T> found, Function<T, @Nullable Long> id, Function<T, String> name) {
		Map<String, String> byId = new java.util.HashMap<>();
		found.forEach(item -> byId.put(String.valueOf(id.apply(item)), name.apply(item)));
		return value -> byId.getOrDefault(value, value);
	}

	private Facet facet(String field, Map<?, Long> byValue, Locale locale) {
		Map<String, Long> counts = new LinkedHashMap<>();
		byValue.forEach((value, count) -> counts.put(value instanceof Enum<?> e ? e.name() : String.valueOf(value), count));
		Function<String, String> label = switch (field) {
			case "status" -> value -> messages.getMessage("status." + value, null, value, locale);
			case "type" -> value -> messages.getMessage("type." + value, null, value, locale);
			case "group" -> names(groups.findAllById(ids(field, List.copyOf(counts.keySet()))), SupportGroup::getId,
					SupportGroup::getName);
			default -> names(categoryRepository.findAllById(ids(field, List.copyOf(counts.keySet()))), Category::getId,
					Category::getPath);
		};
		List<Facet.Value> values = counts.entrySet().stream()
			.filter(entry -> entry.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.map(entry -> new Facet.Value(entry.getKey(), label.apply(entry.getKey()), entry.getValue()))
			.toList();
		return new Facet(field, messages.getMessage("search.facet." + field, null, field, locale), values);
	}

}
