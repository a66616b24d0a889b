package org.guichet.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one answer of every paged page to a page number that is not one ({@code page=abc},
 * {@code page=-1}, {@code page=1.5}): the list's first page, with the text as typed kept in the
 * request attribute {@value #REFUSED}, which {@code fragments/pagination :: notice} explains
 * above the list. The controllers then never see the bad number (no bare 400, no silent first
 * page). The API ({@code /api/}) is left alone: it refuses a bad page with its problem+json.
 */
class PageNumberFilter extends OncePerRequestFilter {

	/** The request attribute holding the refused page number as typed, absent when none was. */
	static final String REFUSED = "pageRefused";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String page = request.getParameter(Pager.PAGE);
		return page == null || !"GET".equals(request.getMethod())
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/") || isPageNumber(page);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(REFUSED, request.getParameter(Pager.PAGE));
		chain.doFilter(new WithoutPage(request), response);
	}

	/** Whether {@code text} is a page number: digits only, from 0 to {@link Pager#MAX_PAGE}. */
	static boolean isPageNumber(String text) {
		if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return Long.parseLong(text) <= Pager.MAX_PAGE;
	}

	/** The request without its {@value Pager#PAGE} parameter. */
	private static final class WithoutPage extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		WithoutPage(HttpServletRequest request) {
			super(request);
			Map<String, String[]> kept = new LinkedHashMap<>(request.getParameterMap());
			kept.remove(Pager.PAGE);
			this.parameters = Collections.unmodifiableMap(kept);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return parameters.get(name);
		}

	}

}
