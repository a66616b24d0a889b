package org.guichet.directory.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sends to the login page a person whose session ended (timed out, logged out in another window)
 * and who acts on a page still open: a page asked normally is redirected there; an htmx request
 * (an action sent in place, a part of a page refreshed) gets {@code 401} with {@code HX-Redirect},
 * so that htmx loads the login page as the whole page instead of putting it, or an error's JSON,
 * in the part it replaces. The login page says the session ended ({@code /login?timeout}); a
 * session ended by a change to the account ({@link #EXPIRED}: a password reset, a role or the
 * account's access changed) is answered the same way, to {@code /login?expired}. A form sent
 * from a page ({@code POST} and the other changes), or any htmx request, which makes the whole
 * page leave, leads after the login back to that page ({@link SavedPageRedirect#keepPage}), where
 * {@code guichet.js} puts back what was typed.
 */
final class SessionEnded implements AuthenticationEntryPoint {

	/** Where the person is sent. */
	static final String LOGIN = "/login?timeout";

	/** Where a person whose session an account change ended is sent, as {@link #send} sends. */
	static final SessionInformationExpiredStrategy EXPIRED = event -> send(event.getRequest(), event.getResponse(),
			"/login?expired");

	/** An htmx request: it carries {@code HX-Request}. */
	static final RequestMatcher HTMX = request -> request.getHeader("HX-Request") != null;

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException notSignedIn)
			throws IOException {
		send(request, response, LOGIN);
	}

	/**
	 * Sends the answer that leads to the login page; the response is committed.
	 *
	 * @param page the login page's address with its notice, context-relative
	 */
	static void send(HttpServletRequest request, HttpServletResponse response, String page) throws IOException {
		String method = request.getMethod();
		if (HTMX.matches(request) || !"GET".equals(method) && !"HEAD".equals(method)) {
			String form = StaleForm.back(request);
			if (!"/".equals(form)) {
				SavedPageRedirect.keepPage(request, form);
			}
		}
		String login = request.getContextPath() + page;
		if (HTMX.matches(request)) {
			response.setHeader("HX-Redirect", login);
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else {
			response.sendRedirect(login);
		}
	}

}
