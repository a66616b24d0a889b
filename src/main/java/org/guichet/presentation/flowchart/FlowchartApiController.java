package org.guichet.presentation.flowchart;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/flowchart} (and {@code /presentation/flowchart/download} for the page's
 * buttons, with the same parameters): the lifecycle flowchart drawn from the configuration now, as
 * SVG ({@code format=svg}, the default), PNG ({@code format=png}, {@code width} in pixels from 200 to
 * 8000, else the drawing's own) or PDF ({@code format=pdf}), in {@code lang=fr|en} (else
 * the caller's language), coloured by actor with {@code lanes=true}; with {@code from} and
 * {@code to} ({@code YYYY-MM-DD}), its branches carry the counts and shares of the tickets created
 * in that period (the measured lifecycle). Supervisors and
 * administrators; others get 403. A parameter that does not fit gets 400 naming it.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class FlowchartApiController {

	static final MediaType SVG = MediaType.valueOf("image/svg+xml");

	/**
	 * The same chart for the page's download buttons, under the web session: the API's chain is
	 * stateless and refuses a browser's session cookie with 401.
	 */
	static final String DOWNLOAD = "/presentation/flowchart/download";

	private final Flowcharts flowcharts;

	FlowchartApiController(Flowcharts flowcharts) {
		this.flowcharts = flowcharts;
	}

	@GetMapping(path = { "/api/v1/flowchart", DOWNLOAD }, produces = { "image/svg+xml", MediaType.IMAGE_PNG_VALUE,
			MediaType.APPLICATION_PDF_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> flowchart(HttpServletRequest request, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String lang, @RequestParam(required = false) @Nullable String lanes,
			@RequestParam(required = false) @Nullable String width, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal CurrentUser reader) {
		String chosen = FlowchartRequest.blank(format) ? "svg" : format.strip().toLowerCase(Locale.ROOT);
		if (!FlowchartRequest.FORMATS.contains(chosen)) {
			throw FlowchartRequest.unknown("format", format, FlowchartRequest.FORMATS);
		}
		Integer pixels = width(width);
		FlowchartRequest asked = FlowchartRequest.of(lang, lanes, LocaleContextHolder.getLocale());
		Flowcharts.Period period = FlowchartRequest.period(from, to);
		String name = "flowchart-" + asked.locale().getLanguage() + "." + chosen;
		HttpHeaders headers = new HttpHeaders();
		headers.setContentDisposition(ContentDisposition.inline().filename(name).build());
		if (chosen.equals("png")) {
			return ResponseEntity.ok().headers(headers).contentType(MediaType.IMAGE_PNG)
				.body(flowcharts.png(asked.locale(), asked.lanes(), ShapeLinks.NONE, period, pixels));
		}
		if (chosen.equals("pdf")) {
			return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_PDF)
				.body(flowcharts.pdf(asked.locale(), asked.lanes(), ShapeLinks.NONE, period));
		}
		return ResponseEntity.ok().headers(headers).contentType(new MediaType(SVG, java.nio.charset.StandardCharsets.UTF_8))
			.body(flowcharts.svg(asked.locale(), asked.lanes(),
				ShapeLinks.forReader(reader, request.getContextPath()), period));
	}

	/** The PNG's width in pixels, null when not given. */
	static @Nullable Integer width(@Nullable String width) {
		if (FlowchartRequest.blank(width)) {
			return null;
		}
		try {
			int pixels = Integer.parseInt(width.strip());
			if (pixels >= FlowchartPng.MIN_WIDTH && pixels <= FlowchartPng.MAX_WIDTH) {
				return pixels;
			}
		}
		catch (NumberFormatException ex) {
			// refused below, as a number out of range
		}
		throw new InvalidInputException("width", "flowchart.width",
				"width: \"" + width + "\" is not a number of pixels from " + FlowchartPng.MIN_WIDTH + " to "
						+ FlowchartPng.MAX_WIDTH,
				width, FlowchartPng.MIN_WIDTH, FlowchartPng.MAX_WIDTH);
	}

}
