package org.guichet.directory.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A requester who opens a page of the IT team that has a counterpart in the portal (a link a
 * technician shared, an address typed from habit) is sent there instead of being refused:
 * {@code /notifications} → {@code /portal/notifications}, {@code /agent} → {@code /portal},
 * {@code /agent/tickets/new} → {@code /portal/tickets/new}, {@code /agent/tickets/12} →
 * {@code /portal/tickets/12} (where the portal's own rules say whether they may read it). Any
 * other refusal, and any request other than a GET, is the usual 403 page, but for a form whose
 * token belonged to a session that ended: someone no longer signed in is sent to log in again
 * ({@link SessionEnded}), someone who signed in again since the page was opened is told so and
 * led back to the form ({@link StaleForm}).
 */
class RequesterRedirect implements AccessDeniedHandler {

	private static final Pattern AGENT_TICKET = Pattern.compile("/agent/tickets/(\\d+|new)");

	private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof CsrfException) {
			// the form's token belonged to a session that ended: not a refusal of the person's role
			if (signedIn()) {
				StaleForm.send(request, response);
			}
			else {
				SessionEnded.send(request, response, SessionEnded.LOGIN);
			}
			return;
		}
		String portal = "GET".equals(request.getMethod()) && isRequester() ? portalPage(pathOf(request)) : null;
		if (portal == null) {
			refusal.handle(request, response, denied);
		}
		else {
			response.sendRedirect(request.getContextPath() + portal);
		}
	}

	/**
	 * @param path the path within the application, without its query
	 * @return the portal's page for the same thing; null when the portal has none
	 */
	static @Nullable String portalPage(String path) {
		if (path.equals("/notifications") || path.equals("/notifications/")) {
			return "/portal/notifications";
		}
		if (path.equals("/agent") || path.equals("/agent/")) {
			return "/portal";
		}
		Matcher ticket = AGENT_TICKET.matcher(path);
		return ticket.matches() ? "/portal/tickets/" + ticket.group(1) : null;
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser;
	}

	private static boolean isRequester() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser user && !user.isAgent();
	}

}
