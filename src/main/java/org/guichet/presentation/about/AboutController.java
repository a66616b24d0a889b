package org.guichet.presentation.about;

import org.guichet.presentation.flowchart.FlowchartRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The tool page, {@code /presentation/about}, in the reader's language, for supervisors and administrators:
 * the product, the features in use, the topology of this deployment, its resources and
 * prerequisites, measured when the page is opened, with its PDF to download.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class AboutController {

	private final AboutDocuments documents;

	AboutController(AboutDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/presentation/about")
	String page(Model model) {
		FlowchartRequest asked = FlowchartRequest.of(null, null, LocaleContextHolder.getLocale());
		model.addAttribute("lang", asked.locale().getLanguage());
		model.addAttribute("about", documents.page(asked.locale()));
		return "presentation/about";
	}

}
