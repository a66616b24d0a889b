package org.guichet.presentation.pack;

import java.time.LocalDate;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.presentation.examples.Example;
import org.guichet.presentation.examples.ExampleTickets;
import org.guichet.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The page that builds the presentation pack, {@code /presentation/pack}, for supervisors and
 * administrators: the examples to put in (all ticked), the period of the KPIs and of the measured
 * lifecycle, anonymisation and the format. Its form asks {@code /presentation/pack/download}
 * ({@code GET}: a download, no state changed), which answers as the API does.
 */
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
@Controller
class PackController {

	private final ExampleTickets examples;

	private final PackDownloads downloads;

	PackController(ExampleTickets examples, PackDownloads downloads) {
		this.examples = examples;
		this.downloads = downloads;
	}

	@GetMapping("/presentation/pack")
	String page(@AuthenticationPrincipal CurrentUser reader, Model model) {
		if (!reader.has(Role.SUPERVISOR) && !reader.has(Role.ADMINISTRATOR)) {
			throw new NotFoundException("pack.not-found", "The presentation pack is for supervisors and administrators");
		}
		LocalDate today = downloads.today();
		model.addAttribute("examples", examples.page(0, PackRequest.MAX_EXAMPLES, reader)
			.items()
			.stream()
			.filter(Example::visible)
			.toList());
		model.addAttribute("from", today.minusDays(29));
		model.addAttribute("to", today);
		return "presentation/pack";
	}

	/**
	 * The pack the form asked for, as a download; a parameter that does not fit shows the error
	 * page naming it (the browser's Back returns to the form as it was filled in).
	 */
	@GetMapping("/presentation/pack/download")
	ResponseEntity<StreamingResponseBody> download(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String anonymize,
			@RequestParam(required = false) @Nullable String examples,
			@AuthenticationPrincipal CurrentUser reader) {
		return downloads.download(format, from, to, anonymize, examples, null, reader);
	}

}
