package org.guichet.system;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Adds a new one-time token, as the hidden field {@value #PARAMETER}, to every {@code POST} form
 * a page renders with {@code th:action}, next to the fields of the processor it wraps (Spring
 * Security's, which adds the CSRF token). Each rendering of a form gets its own random token,
 * kept nowhere until the form is submitted.
 */
final class FormTokenFields implements RequestDataValueProcessor {

	/** The name of the hidden field that carries the form's token. */
	static final String PARAMETER = "_formToken";

	/** Whether the form being rendered posts: told by {@link #processAction}, read by {@link #getExtraHiddenFields}. */
	private static final String POSTS = FormTokenFields.class.getName() + ".posts";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RequestDataValueProcessor delegate;

	FormTokenFields(RequestDataValueProcessor delegate) {
		this.delegate = delegate;
	}

	/** A token of 128 random bits, in 22 URL-safe characters. */
	static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String processAction(HttpServletRequest request, String action, @Nullable String httpMethod) {
		request.setAttribute(POSTS, "post".equalsIgnoreCase(httpMethod));
		return delegate.processAction(request, action, httpMethod);
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, @Nullable String name, String value,
			String type) {
		return delegate.processFormFieldValue(request, name, value, type);
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> delegated = delegate.getExtraHiddenFields(request);
		if (delegated != null) {
			fields.putAll(delegated);
		}
		if (Boolean.TRUE.equals(request.getAttribute(POSTS))) {
			fields.put(PARAMETER, newToken());
		}
		return fields;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		return delegate.processUrl(request, url);
	}

}
