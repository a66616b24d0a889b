package org.guichet.directory.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.PageLanguage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, an e-mail or an error: on a page, the user's profile (or, on a page
 * for a person not signed in, the {@link PageLanguage} set for them), else the
 * browser's {@code Accept-Language}, else the desk's default (French). Under {@code /api/} the
 * request's own {@code Accept-Language}, when it names a supported language, comes before the
 * profile: a program asks for the language it parses, whoever's token it uses.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

	static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

	private final Locale defaultLocale;

	UserLocaleResolver(@Value("${guichet.default-language:fr}") String defaultLanguage) {
		this.defaultLocale = Locale.forLanguageTag(defaultLanguage);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Locale asked = asked(request);
		if (asked != null && isApi(request)) {
			return asked;
		}
		String forPage = PageLanguage.of(request);
		if (forPage != null) {
			return supported(Locale.forLanguageTag(forPage));
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.language() != null) {
			return supported(Locale.forLanguageTag(user.language()));
		}
		return asked != null ? asked : defaultLocale;
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/");
	}

	/** The supported language the {@code Accept-Language} header prefers; null when none or malformed. */
	private static @Nullable Locale asked(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Locale supported(Locale locale) {
		return SUPPORTED.stream()
			.filter(l -> l.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(defaultLocale);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable Locale locale) {
		throw new UnsupportedOperationException("The language is chosen on the profile page");
	}

}
