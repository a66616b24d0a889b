package org.guichet.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The links of a list's pager, as {@code fragments/pagination :: pager} shows them: previous and
 * next, first, and last when the list's length is known. The one way every paged page builds
 * them: a link keeps every parameter of the page's query (filters, facets, page size, sort) but
 * the page number, which it sets. A page past the list's end offers no pager but {@code back}, which
 * {@code fragments/pagination :: notice} shows with the message that the page holds nothing.
 *
 * @param page the page shown, from 0
 * @param pages how many pages the list has (1 or more), null when it is not counted
 * @param first the first page's link, null on it
 * @param previous the page before's link, null on the first page and past the end
 * @param next the page after's link, null on the last page and past the end
 * @param last the last page's link, null on it, past the end, or when the list is not counted
 * @param back past the list's end, the link to its last page (its first when it is not counted),
 *        else null
 */
public record Pager(int page, @Nullable Integer pages, @Nullable String first, @Nullable String previous,
		@Nullable String next, @Nullable String last, @Nullable String back) {

	/** The query parameter that numbers the pages, from 0. */
	public static final String PAGE = "page";

	/**
	 * The last page number any list answers (pages and API): past it no list is read, so that a
	 * page number times a page size stays an offset a database takes.
	 */
	public static final int MAX_PAGE = 100_000;

	/**
	 * Refuses a page number that no list answers.
	 *
	 * @param page a page number asked, from 0 to {@link #MAX_PAGE}
	 * @throws InvalidInputException on the field {@value #PAGE} otherwise
	 */
	public static void checkPage(int page) {
		if (page < 0 || page > MAX_PAGE) {
			throw new InvalidInputException(PAGE, "filter.page-invalid", "page: 0 to " + MAX_PAGE, PAGE, page);
		}
	}

	/**
	 * The pager of a list whose length is not counted: first, previous and next.
	 *
	 * @param page the page shown, from 0
	 * @param empty whether the page shows nothing: after the first page and with no page following,
	 *        it is past the list's end
	 * @param hasNext whether a page follows
	 * @param link a page's link by its number (from 0), context-relative ({@code /portal?page=2})
	 */
	public static Pager of(int page, boolean empty, boolean hasNext, IntFunction<String> link) {
		if (page > 0 && empty && !hasNext) {
			return new Pager(page, null, null, null, null, null, link.apply(0));
		}
		return new Pager(page, null, page > 0 ? link.apply(0) : null, page > 0 ? link.apply(page - 1) : null,
				hasNext ? link.apply(page + 1) : null, null, null);
	}

	/**
	 * The pager of a counted list: previous and next, first and last.
	 *
	 * @param page the page shown, from 0
	 * @param total how many items the list holds, 0 or more
	 * @param size how many items a page shows, 1 or more
	 * @param link a page's link by its number (from 0), context-relative
	 */
	public static Pager counted(int page, long total, int size, IntFunction<String> link) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int lastPage = pages - 1;
		if (page > lastPage) {
			return new Pager(page, pages, null, null, null, null, link.apply(lastPage));
		}
		return new Pager(page, pages, page > 0 ? link.apply(0) : null, page > 0 ? link.apply(page - 1) : null,
				page < lastPage ? link.apply(page + 1) : null, page < lastPage ? link.apply(lastPage) : null, null);
	}

	/** Whether the page shown is past the list's end: it holds nothing, {@link #back()} leads back. */
	public boolean pastTheEnd() {
		return back != null;
	}

	/**
	 * Links to the pages of the list {@code request} shows: its path (context-relative) with every
	 * parameter of its query, in their order and with all their values, but {@value #PAGE}, then
	 * {@code page=n}.
	 */
	public static IntFunction<String> sameQuery(HttpServletRequest request) {
		StringBuilder kept = new StringBuilder(
				request.getRequestURI().substring(request.getContextPath().length())).append('?');
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!parameter.getKey().equals(PAGE)) {
				for (String value : parameter.getValue()) {
					kept.append(encoded(parameter.getKey())).append('=').append(encoded(value)).append('&');
				}
			}
		}
		String prefix = kept.append(PAGE).append('=').toString();
		return page -> prefix + page;
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
