package org.guichet.presentation.pack;

import org.guichet.directory.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/presentation?format=zip|pdf&from=…&to=…&anonymize=…&examples=…&lang=…}: the
 * presentation pack ({@link PresentationPack}) as a ZIP holding an offline site (the default) or
 * as one PDF; parameters as {@link PackRequest} reads them. Supervisors and administrators only:
 * anyone else gets 404; a parameter that does not fit, 400 naming it (problem+json), before
 * anything is sent.
 */
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
@RestController
class PackApiController {

	private final PackDownloads downloads;

	PackApiController(PackDownloads downloads) {
		this.downloads = downloads;
	}

	@GetMapping(path = "/api/v1/presentation", produces = { "application/zip", MediaType.APPLICATION_PDF_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<StreamingResponseBody> pack(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String anonymize,
			@RequestParam(required = false) @Nullable String examples,
			@RequestParam(required = false) @Nullable String lang, @AuthenticationPrincipal CurrentUser reader) {
		return downloads.download(format, from, to, anonymize, examples, lang, reader);
	}

}
