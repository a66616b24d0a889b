package org.guichet.directory.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes the {@code application/problem+json} of a request the security filters refuse (401, 403),
 * before Spring MVC runs: its {@code detail} in the caller's language as the application's
 * {@link LocaleResolver} ({@link UserLocaleResolver}) chooses it (the request's {@code Accept-Language} under {@code /api/}), from the {@code errors}
 * bundle, and its {@code code}, the message's key, as every other refusal of the API has one.
 */
@Component
class SecurityProblems {

	private final MessageSource messages;

	private final LocaleResolver locales;

	SecurityProblems(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * @param key the message's key in the {@code errors} bundle, also the problem's {@code code}
	 * @param english the message when the bundle lacks the key
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, String english)
			throws IOException {
		String detail = messages.getMessage(key, null, english, locales.resolveLocale(request));
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + json(detail) + "\",\"code\":\"" + json(key) + "\"}");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
