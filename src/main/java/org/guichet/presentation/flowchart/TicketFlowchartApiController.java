package org.guichet.presentation.flowchart;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.ForTheItTeam;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tickets/{id}/flowchart} (and {@code /presentation/tickets/{id}/flowchart/download}
 * for the ticket page's buttons, under the web session the stateless API refuses): the lifecycle flowchart with the path this ticket
 * took highlighted, as SVG ({@code format=svg}, the default), PNG ({@code format=png},
 * {@code width} as for the chart) or PDF ({@code format=pdf}), with the actors' lanes when
 * {@code lanes=true}, in {@code lang=fr|en} (else the
 * caller's language). The IT team only ({@link ForTheItTeam}: a requester gets 403); within it,
 * whoever may see the ticket may see its chart, anyone else gets the ticket's 404. A parameter that does not fit gets 400 naming it.
 */
@RestController
@ForTheItTeam
class TicketFlowchartApiController {

	private final Flowcharts flowcharts;

	TicketFlowchartApiController(Flowcharts flowcharts) {
		this.flowcharts = flowcharts;
	}

	@GetMapping(path = { "/api/v1/tickets/{id}/flowchart", "/presentation/tickets/{id}/flowchart/download" }, produces = { "image/svg+xml", MediaType.IMAGE_PNG_VALUE,
			MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> flowchart(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String lanes, @RequestParam(required = false) @Nullable String width, @AuthenticationPrincipal CurrentUser reader) {
		String chosen = FlowchartRequest.blank(format) ? "svg" : format.strip().toLowerCase(Locale.ROOT);
		if (!FlowchartRequest.FORMATS.contains(chosen)) {
			throw FlowchartRequest.unknown("format", format, FlowchartRequest.FORMATS);
		}
		Integer pixels = FlowchartApiController.width(width);
		FlowchartRequest asked = FlowchartRequest.of(lang, lanes, LocaleContextHolder.getLocale());
		Locale locale = asked.locale();
		TicketPath path = flowcharts.path(id, reader);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(
				ContentDisposition.inline().filename("ticket-" + id + "-flowchart-" + locale.getLanguage() + "." + chosen)
					.build());
		return switch (chosen) {
			case "png" -> ResponseEntity.ok().headers(headers).contentType(MediaType.IMAGE_PNG)
				.body(flowcharts.ticketPng(path, locale, asked.lanes(), ShapeLinks.NONE, pixels));
			case "pdf" -> ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_PDF)
				.body(flowcharts.ticketPdf(path, locale, asked.lanes(), ShapeLinks.NONE));
			default -> ResponseEntity.ok().headers(headers)
				.contentType(new MediaType(FlowchartApiController.SVG, StandardCharsets.UTF_8))
				.body(flowcharts.ticketSvg(path, locale, asked.lanes(),
						ShapeLinks.forReader(reader, request.getContextPath())));
		};
	}

}
