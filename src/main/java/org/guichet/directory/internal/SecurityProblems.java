package org.guichet.directory.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.system.Problems;
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

	private final Problems problems;

	SecurityProblems(MessageSource messages, LocaleResolver locales, Problems problems) {
		this.messages = messages;
		this.locales = locales;
		this.problems = problems;
	}

	/**
	 * @param key the message's key in the {@code errors} bundle, also the problem's {@code code}
	 * @param english the message when the bundle lacks the key
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, String english)
			throws IOException {
		Locale locale = locales.resolveLocale(request);
		problems.write(response, status.value(), locale, messages.getMessage(key, null, english, locale), key, null);
	}

}
