package org.guichet.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers the requests Tomcat refuses before any servlet runs (an encoded NUL or {@code /} in
 * the path, a bad {@code %} escape, an illegal character, headers too long…) as the application
 * answers every refusal: under {@code /api/} a problem ({@code application/problem+json}, code
 * {@code request.rejected}), elsewhere a page; both in the caller's language, never Tomcat's
 * HTML report with its version. It replaces the host's {@link ErrorReportValve}, which Spring
 * Boot installs without the version but still in English HTML.
 */
@Component
class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ObjectProvider<MessageSource> messages;

	private final ObjectProvider<Problems> problems;

	private final ObjectProvider<LocaleResolver> locales;

	ContainerRefusals(ObjectProvider<MessageSource> messages, ObjectProvider<Problems> problems,
			ObjectProvider<LocaleResolver> locales) {
		this.messages = messages;
		this.problems = problems;
		this.locales = locales;
	}

	/** After Spring Boot's own customizer, whose error report valve this one replaces. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Host host = (Host) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new RefusalReport(context.getPath()));
			if (host instanceof StandardHost standard) {
				standard.setErrorReportValveClass(RefusalReport.class.getName());
			}
		});
	}

	/**
	 * Whether a request's path is the API's.
	 *
	 * @param contextPath the application's context path, {@code ""} at the root, else e.g.
	 *        {@code /desk}
	 * @param uri the request's path as sent, the context path included
	 */
	static boolean underApi(String contextPath, String uri) {
		return uri.startsWith(contextPath + "/api/");
	}

	/** The report of an error no servlet answered: a problem under {@code /api/}, a plain page elsewhere. */
	private final class RefusalReport extends ErrorReportValve {

		/** The application's context path, {@code ""} at the root. */
		private final String contextPath;

		RefusalReport(String contextPath) {
			this.contextPath = contextPath;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			AtomicBoolean writable = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
			if (status < 400 || response.getContentWritten() > 0 || !writable.get()) {
				return;
			}
			MessageSource bundles = messages.getObject();
			Problems problem = problems.getObject();
			Locale locale = locales.getObject().resolveLocale(request);
			String detail = bundles.getMessage("request.rejected", null, locale);
			boolean api = underApi(contextPath, String.valueOf(request.getCoyoteRequest().requestURI()));
			try {
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(api ? problem.json(status, locale, detail, "request.rejected", null)
							: page(bundles, problem.title(status, locale), locale, detail));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the connection is gone or the response was taken: nothing more can be said
			}
		}

		private String page(MessageSource bundles, String title, Locale locale, String detail) {
			return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
					+ HtmlUtils.htmlEscape(bundles.getMessage("layout.title", new Object[] { title }, locale))
					+ "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
					+ "</p><p><a href=\"" + HtmlUtils.htmlEscape(contextPath) + "/\">" + HtmlUtils.htmlEscape(bundles.getMessage("error.home", null, locale))
					+ "</a></p></main></body></html>";
		}

	}

}
