package org.guichet.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The links of a list's pager, as {@code fragments/pagination :: pager} shows them: previous and
 * next, and first and last when the list's length is known. The one way every paged page builds
 * them: a link keeps every parameter of the page's query (filters, facets, page size, sort) but
 * the page number, which it sets.
 *
 * @param page the page shown, from 0
 * @param pages how many pages the list has (1 or more), null when it is not counted
 * @param first the first page's link, null on it or when the list is not counted
 * @param previous the page before's link, null on the first page
 * @param next the page after's link, null on the last page
 * @param last the last page's link, null on it or when the list is not counted
 */
public record Pager(int page, @Nullable Integer pages, @Nullable String first, @Nullable String previous,
		@Nullable String next, @Nullable String last) {

	/** The query parameter that numbers the pages, from 0. */
	public static final String PAGE = "page";

	/**
	 * The pager of a list whose length is not counted: previous and next only.
	 *
	 * @param page the page shown, from 0
	 * @param hasNext whether a page follows
	 * @param link a page's link by its number (from 0), context-relative ({@code /portal?page=2})
	 */
	public static Pager of(int page, boolean hasNext, IntFunction<String> link) {
		return new Pager(page, null, null, page > 0 ? link.apply(page - 1) : null,
				hasNext ? link.apply(page + 1) : null, null);
	}

	/**
	 * The pager of a counted list: previous and next, first and last.
	 *
	 * @param page the page shown, from 0 (past the end, previous leads to the last page)
	 * @param total how many items the list holds, 0 or more
	 * @param size how many items a page shows, 1 or more
	 * @param link a page's link by its number (from 0), context-relative
	 */
	public static Pager counted(int page, long total, int size, IntFunction<String> link) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int lastPage = pages - 1;
		return new Pager(page, pages, page > 0 ? link.apply(0) : null,
				page > 0 ? link.apply(Math.min(page - 1, lastPage)) : null,
				page < lastPage ? link.apply(page + 1) : null, page < lastPage ? link.apply(lastPage) : null);
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
