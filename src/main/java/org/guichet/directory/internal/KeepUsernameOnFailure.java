package org.guichet.directory.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.ldap.DirectoryUnavailableException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * After a refused login, back to the login page with the user name that was typed, so that only
 * the password has to be typed again. The name waits in the session for the next page, and only
 * once; a name longer than any user name is not kept. A deactivated account whose password was
 * right is told so ({@code ?error=deactivated}); any other refusal reads the same.
 */
public class KeepUsernameOnFailure extends SimpleUrlAuthenticationFailureHandler {

	/** The session attribute the login page reads, and removes, the typed user name from. */
	public static final String TYPED_USERNAME = "guichet.login.username";

	private static final int USERNAME_MAX = 100;

	KeepUsernameOnFailure() {
		super("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String typed = request.getParameter("username");
		if (typed != null && !typed.isBlank() && typed.length() <= USERNAME_MAX) {
			request.getSession().setAttribute(TYPED_USERNAME, typed.strip());
		}
		if (exception instanceof DisabledException) {
			// only once the password proved right (LocalOrDirectoryAuthentication)
			getRedirectStrategy().sendRedirect(request, response, "/login?error=deactivated");
			return;
		}
		if (exception instanceof DirectoryUnavailableException) {
			saveException(request, exception);
			getRedirectStrategy().sendRedirect(request, response, "/login?error=directory");
			return;
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
