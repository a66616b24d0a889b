package org.guichet.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's problems ({@code application/problem+json}) in the caller's language, whoever writes
 * them: the {@code title} of a status from the {@code errors} bundles ({@code problem.title.<status>},
 * the HTTP reason phrase in English when a status has none), and the whole problem for the code
 * that answers outside Spring MVC (the security filters, the upload limit, the requests Tomcat
 * refuses before any servlet).
 */
@Component
public class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param status an HTTP status, 400 to 599
	 * @return the problem's title for {@code status} in {@code locale}, never null
	 */
	public String title(int status, Locale locale) {
		HttpStatus known = HttpStatus.resolve(status);
		String english = known == null ? "Error " + status : known.getReasonPhrase();
		return messages.getMessage("problem.title." + status, null, english, locale);
	}

	/**
	 * Writes a problem as the whole response: status, content type {@code application/problem+json}
	 * in UTF-8 and the body of {@link #json}. The response must not be committed.
	 */
	public void write(HttpServletResponse response, int status, Locale locale, String detail, String code,
			@Nullable String field) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json(status, locale, detail, code, field));
	}

	/**
	 * A problem's body: {@code type}, {@code title} (in {@code locale}), {@code status},
	 * {@code detail}, {@code code} and {@code field} when given.
	 *
	 * @param detail the detail, already in {@code locale}
	 * @param code the problem's code (a message key), for programs
	 * @param field the input field at fault; null when none
	 */
	String json(int status, Locale locale, String detail, String code, @Nullable String field) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title(status, locale));
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("code", code);
		if (field != null) {
			problem.put("field", field);
		}
		return JsonMapper.shared().writeValueAsString(problem);
	}

}
