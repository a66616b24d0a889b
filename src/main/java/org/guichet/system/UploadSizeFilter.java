package org.guichet.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Answers a multipart request over the server's limits ({@code spring.servlet.multipart.*}, and
 * the container's count of parts, {@code server.tomcat.max-part-count}) with a clear refusal
 * before anything else reads it: {@code 413} problem+json naming the field {@code file} for the
 * API, the "too large" page for a browser form (whose text the browser keeps: going back shows
 * it), and for a form sent in place (htmx) the same page, which the script shows as a message
 * above the form left as it was. Too many parts (files and fields) is said as such, not as a file
 * too large.
 * <p>
 * Without this, the container's parser fails quietly as soon as anything reads a parameter: the
 * form's CSRF token then reads as missing and the person gets "not allowed" instead of "too
 * large". Requests within the limits pass unchanged (their parts are parsed here, once, as the
 * controller would parse them).
 */
class UploadSizeFilter extends OncePerRequestFilter {

	/**
	 * The request attribute naming the message key of the refusal, for the error page
	 * ({@code error/problem.html}): {@code error.413.detail} or {@code error.413.too-many-parts}.
	 */
	static final String REFUSAL = "uploadRefusal";

	private final MessageSource messages;

	private final Problems problems;

	UploadSizeFilter(MessageSource messages, Problems problems) {
		this.messages = messages;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException | ServletException | IOException ex) {
			if (tooManyParts(ex)) {
				refuse(request, response, ex, "upload.too-many-parts", "error.413.too-many-parts");
				return;
			}
			if (tooLarge(ex)) {
				refuse(request, response, ex, "upload.too-large", "error.413.detail");
				return;
			}
			// another parsing failure: the controller's own handling says what it is
		}
		chain.doFilter(request, response);
	}

	/** Whether the parser refused the request for a size limit (the container names its exceptions so). */
	static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
					|| String.valueOf(cause.getMessage()).contains("exceeds")) {
				return true;
			}
		}
		return false;
	}

	/** Whether the parser refused the request for its count of parts (Tomcat's {@code FileCountLimitExceededException}). */
	static boolean tooManyParts(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().contains("CountLimitExceeded")) {
				return true;
			}
		}
		return false;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Exception refusal, String code,
			String pageDetail) throws IOException {
		int status = HttpStatus.CONTENT_TOO_LARGE.value();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Locale locale = RequestContextUtils.getLocale(request);
			problems.write(response, status, locale, messages.getMessage(code, null, locale), code, "file");
			return;
		}
		// The error page is rendered by a second pass through the DispatcherServlet, which would parse
		// the request again and answer its failure with a bare 413 (an empty page); it leaves alone a
		// request whose error is a multipart failure, and renders the "too large" page.
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(-1, refusal));
		request.setAttribute(REFUSAL, pageDetail);
		response.sendError(status);
	}

}
