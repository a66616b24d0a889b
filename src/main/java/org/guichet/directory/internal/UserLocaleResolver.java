package org.guichet.directory.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, an e-mail or an error: the user's profile, else the browser's, else
 * the desk's default (French).
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
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.language() != null) {
			return supported(Locale.forLanguageTag(user.language()));
		}
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				if (match != null) {
					return match;
				}
			}
			catch (IllegalArgumentException ignored) {
				// a malformed header falls back to the default language
			}
		}
		return defaultLocale;
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
