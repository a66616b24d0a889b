package org.guichet.directory.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * After a login, to the page that was asked for before it — path and query, so a bookmarked
 * report opens with its period and filters — else to the home page ({@code /}). Only the path and
 * query of the saved request are kept, redirected to on this application: never another host,
 * whatever the request's {@code Host} header or a path starting with {@code //} said.
 */
final class SavedPageRedirect extends SimpleUrlAuthenticationSuccessHandler {

	/** The parameter Spring Security adds to the saved request's address to recognise it. */
	private static final String CONTINUE = "continue";

	/** The session attribute holding the page to go to after the login ({@link #pagesOnly}, {@link #keepPage}). */
	private static final String SAVED_PAGE = "guichet.page-after-login";

	private final RequestCache requestCache;

	/** @param requestCache where the security filters saved the page asked for ({@link #pagesOnly}) */
	SavedPageRedirect(RequestCache requestCache) {
		super("/");
		this.requestCache = requestCache;
	}

	/**
	 * The session's cache of the page asked for before a login, keeping only what a person opens:
	 * a {@code GET} of a page (accepting HTML), not an htmx fragment ({@code HX-Request}) nor a
	 * script's call — a login never lands on a piece of a page.
	 */
	static RequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setSessionAttrName(SAVED_PAGE);
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& request.getHeader("Accept") != null && request.getHeader("Accept").contains("text/html"));
		return cache;
	}

	/**
	 * Makes a page of this application the one the next login of this session leads to, as if it
	 * had been asked for: the page a form was sent from when the session had ended, so that the
	 * person comes back to it (where {@code guichet.js} puts back what they typed).
	 *
	 * @param page the page's path and query within the application, starting with {@code /}
	 */
	static void keepPage(HttpServletRequest request, String page) {
		request.getSession().setAttribute(SAVED_PAGE, new SimpleSavedRequest(request.getContextPath() + page));
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		SavedRequest saved = requestCache.getRequest(request, response);
		String page = saved == null ? null : pageOf(saved.getRedirectUrl(), request.getContextPath());
		if (page == null) {
			super.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		requestCache.removeRequest(request, response);
		clearAuthenticationAttributes(request);
		getRedirectStrategy().sendRedirect(request, response, page);
	}

	/**
	 * The page of a saved address, relative to the application.
	 *
	 * @param url the address as saved (absolute, with scheme and host)
	 * @param contextPath the application's context path ({@code ""} at the root)
	 * @return its path below the context path with its query (without {@code continue}), starting
	 * with a single {@code /}; null when it has none or is not under the context path
	 */
	static @Nullable String pageOf(String url, String contextPath) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
		String path = uri.getRawPath();
		if (path == null || !path.startsWith(contextPath + "/")) {
			return null;
		}
		path = path.substring(contextPath.length());
		if (path.startsWith("//") || path.contains("\\")) {
			return null;
		}
		String query = uri.getRawQuery() == null ? ""
				: Arrays.stream(uri.getRawQuery().split("&"))
					.filter(pair -> !pair.isEmpty() && !pair.equals(CONTINUE) && !pair.startsWith(CONTINUE + "="))
					.collect(Collectors.joining("&"));
		return query.isEmpty() ? path : path + "?" + query;
	}

}
