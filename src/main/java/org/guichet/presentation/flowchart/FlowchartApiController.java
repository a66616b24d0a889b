package org.guichet.presentation.flowchart;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/flowchart}: the lifecycle flowchart drawn from the configuration now, as
 * SVG ({@code format=svg}, the default) or PDF ({@code format=pdf}), in {@code lang=fr|en} (else
 * the caller's language), coloured by actor with {@code lanes=true}. Supervisors and
 * administrators; others get 403. A parameter that does not fit gets 400 naming it.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class FlowchartApiController {

	static final MediaType SVG = MediaType.valueOf("image/svg+xml");

	private final Flowcharts flowcharts;

	FlowchartApiController(Flowcharts flowcharts) {
		this.flowcharts = flowcharts;
	}

	@GetMapping(path = "/api/v1/flowchart", produces = { "image/svg+xml", MediaType.APPLICATION_PDF_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> flowchart(HttpServletRequest request, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String lang, @RequestParam(required = false) @Nullable String lanes) {
		String chosen = FlowchartRequest.blank(format) ? "svg" : format.strip().toLowerCase(Locale.ROOT);
		if (!chosen.equals("svg") && !chosen.equals("pdf")) {
			throw FlowchartRequest.unknown("format", format, List.of("svg", "pdf"));
		}
		FlowchartRequest asked = FlowchartRequest.of(lang, lanes, LocaleContextHolder.getLocale());
		String name = "flowchart-" + asked.locale().getLanguage() + "." + chosen;
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(ContentDisposition.inline().filename(name).build());
		if (chosen.equals("pdf")) {
			return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_PDF)
				.body(flowcharts.pdf(asked.locale(), asked.lanes(), request.getContextPath()));
		}
		return ResponseEntity.ok().headers(headers).contentType(new MediaType(SVG, java.nio.charset.StandardCharsets.UTF_8))
			.body(flowcharts.svg(asked.locale(), asked.lanes(), request.getContextPath()));
	}

}
