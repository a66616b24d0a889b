package org.guichet.directory.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a form or an htmx action sent by someone signed in with the CSRF token of an earlier
 * sign-in: the page was opened before they signed in again (in another window or tab, or after
 * their session ended), so its token is void. Not a refusal of their role: {@code 403} with the
 * page {@code error/stale-form}, which says what happened and leads back to the form with the
 * browser's history (the form comes back with what was typed and a new token). An htmx request
 * gets {@code 403} with the header {@value #HEADER}: {@code guichet.js} shows the message the
 * page carries ({@code error.stale-form.in-place}, in the layout) above the page, which stays as it is.
 */
final class StaleForm {

	/** The request attribute that makes the 403 error view the page {@code error/stale-form}. */
	static final String ATTRIBUTE = "staleForm";

	/** The request attribute the error page reads: the path back to the form, within the application. */
	static final String BACK = "staleFormBack";

	/** The header that tells {@code guichet.js} an htmx request was refused for this reason. */
	static final String HEADER = "X-Guichet-Stale-Form";

	private StaleForm() {
	}

	/** Sends the answer; the response is committed. */
	static void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (SessionEnded.HTMX.matches(request)) {
			response.setHeader(HEADER, "true");
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		request.setAttribute(ATTRIBUTE, Boolean.TRUE);
		request.setAttribute(BACK, back(request));
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	/**
	 * The page the form was sent from, when the browser names one of this application (the
	 * link's target when scripts do not go back in the history); the home page otherwise.
	 */
	static String back(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI from = URI.create(referer);
				String path = from.getRawPath();
				if (request.getServerName().equalsIgnoreCase(from.getHost()) && path != null
						&& path.startsWith(request.getContextPath() + "/")) {
					String within = path.substring(request.getContextPath().length());
					return from.getRawQuery() == null ? within : within + "?" + from.getRawQuery();
				}
			}
			catch (IllegalArgumentException ex) {
				// not an address: the home page
			}
		}
		return "/";
	}

}
