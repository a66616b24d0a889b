package org.guichet.presentation.flowchart;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flowchart page, {@code /presentation/flowchart?lang=fr|en&lanes=true|false}, for
 * supervisors and administrators: the chart drawn in the page, its shapes linking to the
 * administration pages, with switches for the language and the lanes and the downloads.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class FlowchartController {

	private final Flowcharts flowcharts;

	FlowchartController(Flowcharts flowcharts) {
		this.flowcharts = flowcharts;
	}

	@GetMapping("/presentation/flowchart")
	String page(HttpServletRequest request, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String lanes, Model model) {
		FlowchartRequest asked = FlowchartRequest.of(lang, lanes, LocaleContextHolder.getLocale());
		model.addAttribute("lang", asked.locale().getLanguage());
		model.addAttribute("lanes", asked.lanes());
		model.addAttribute("svg", flowcharts.svg(asked.locale(), asked.lanes(), request.getContextPath()));
		return "presentation/flowchart";
	}

}
