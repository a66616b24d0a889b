package org.guichet.presentation.about;

import java.util.List;
import java.util.Locale;

import org.guichet.presentation.flowchart.FlowchartRequest;
import org.guichet.tickets.AttachmentFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/about} (and {@code /presentation/about/download} for the page's button, under
 * the web session the stateless API refuses): the tool page's data measured now, as JSON ({@code format=json},
 * the default: {@link AboutReport}) or as the printable page in PDF ({@code format=pdf}, in
 * {@code lang=fr|en}, else the caller's language). Supervisors and administrators; others get
 * 403. A parameter that does not fit gets 400 naming it.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class AboutApiController {

	private static final List<String> FORMATS = List.of("json", "pdf");

	private final AboutReports reports;

	private final AboutDocuments documents;

	AboutApiController(AboutReports reports, AboutDocuments documents) {
		this.reports = reports;
		this.documents = documents;
	}

	@GetMapping(path = { "/api/v1/about", "/presentation/about/download" }, produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> about(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String lang) {
		String chosen = FlowchartRequest.blank(format) ? "json" : format.strip().toLowerCase(Locale.ROOT);
		if (!FORMATS.contains(chosen)) {
			throw FlowchartRequest.unknown("format", format, FORMATS);
		}
		FlowchartRequest asked = FlowchartRequest.of(lang, null, LocaleContextHolder.getLocale());
		if (chosen.equals("pdf")) {
			byte[] pdf = documents.pdf(asked.locale());
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						AttachmentFile.contentDisposition(false, "guichet-" + asked.locale().getLanguage() + ".pdf"))
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(pdf);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reports.current());
	}

}
