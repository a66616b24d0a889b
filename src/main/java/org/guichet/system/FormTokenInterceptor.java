package org.guichet.system;

import java.net.URI;
import java.security.Principal;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Processes each one-time form token once. Before a web {@code POST} handler runs, claims the
 * token the form carries ({@link FormTokenFields#PARAMETER}); when it was claimed already, the
 * handler does not run and the answer is the first submission's redirect again, with a message
 * saying the form was taken into account once. After the handler, a redirect (success) is
 * recorded for the resubmissions to come; anything else (the form shown again with its errors,
 * a refusal, an error) gives the token back, so the corrected form can be sent with it.
 * <p>
 * A request without a token is processed as it comes: a form the application did not render,
 * or rendered before tokens existed. Handlers marked {@link RepeatableSubmission} ignore tokens.
 */
final class FormTokenInterceptor implements HandlerInterceptor {

	/** The message the second answer shows, in the {@code messages} bundles. */
	static final String ALREADY_SENT = "form.flash.already-sent";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final String CLAIMED = FormTokenInterceptor.class.getName() + ".claimed";

	private final FormSubmissions submissions;

	FormTokenInterceptor(FormSubmissions submissions) {
		this.submissions = submissions;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
				|| method.hasMethodAnnotation(RepeatableSubmission.class)) {
			return true;
		}
		String token = request.getParameter(FormTokenFields.PARAMETER);
		Principal user = request.getUserPrincipal();
		if (token == null || user == null) {
			return true;
		}
		if (!TOKEN.matcher(token).matches()) {
			throw new InvalidInputException(FormTokenFields.PARAMETER, "form.token.invalid",
					"The form's one-time token is damaged: load the page again and send it from there");
		}
		String earlier = submissions.claim(user.getName(), token);
		if (earlier == null) {
			request.setAttribute(CLAIMED, new Claim(user.getName(), token));
			return true;
		}
		RequestContextUtils.getOutputFlashMap(request).put("flash", ALREADY_SENT);
		RequestContextUtils.saveOutputFlashMap(earlier, request, response);
		response.sendRedirect(earlier);
		return false;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (!(request.getAttribute(CLAIMED) instanceof Claim claim)) {
			return;
		}
		String location = response.getHeader("Location");
		if (ex == null && response.getStatus() / 100 == 3 && location != null) {
			submissions.complete(claim.user(), claim.token(), withinSite(location, request));
		}
		else {
			submissions.release(claim.user(), claim.token());
		}
	}

	/**
	 * The path, query and fragment of a redirect to this site, so that a resubmission arriving
	 * through another host name or node is sent to the same page on its own host.
	 */
	private static String withinSite(String location, HttpServletRequest request) {
		URI uri = URI.create(location);
		if (!uri.isAbsolute() || !request.getServerName().equalsIgnoreCase(uri.getHost())) {
			return location;
		}
		StringBuilder path = new StringBuilder(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
				: uri.getRawPath());
		if (uri.getRawQuery() != null) {
			path.append('?').append(uri.getRawQuery());
		}
		if (uri.getRawFragment() != null) {
			path.append('#').append(uri.getRawFragment());
		}
		return path.toString();
	}

	private record Claim(String user, String token) {
	}

}
