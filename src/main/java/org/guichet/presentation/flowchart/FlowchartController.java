package org.guichet.presentation.flowchart;

import jakarta.servlet.http.HttpServletRequest;

import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flowchart page, {@code /presentation/flowchart?lang=fr|en&lanes=true|false&from=&to=}, for
 * supervisors and administrators: the chart drawn in the page, its shapes linking to the
 * administration pages, with switches for the language and the lanes, the downloads, and a
 * period ({@code from}, {@code to}: {@code YYYY-MM-DD}) whose created tickets are counted on the
 * branches. A period that does not fit is said next to its fields, which keep what was typed,
 * and the chart is drawn without counts.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
class FlowchartController {

	private final Flowcharts flowcharts;

	private final MessageSource messages;

	FlowchartController(Flowcharts flowcharts, MessageSource messages) {
		this.flowcharts = flowcharts;
		this.messages = messages;
	}

	@GetMapping("/presentation/flowchart")
	String page(HttpServletRequest request, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String lanes, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal CurrentUser reader, Model model) {
		FlowchartRequest asked = FlowchartRequest.of(lang, lanes, LocaleContextHolder.getLocale());
		model.addAttribute("lang", asked.locale().getLanguage());
		model.addAttribute("lanes", asked.lanes());
		model.addAttribute("from", from == null ? "" : from);
		model.addAttribute("to", to == null ? "" : to);
		Flowcharts.Period period = null;
		try {
			period = FlowchartRequest.period(from, to);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("periodField", ex.field());
			model.addAttribute("periodError", PeriodErrors.text(ex, messages, LocaleContextHolder.getLocale()));
		}
		model.addAttribute("measured", period != null);
		ShapeLinks links = ShapeLinks.forReader(reader, request.getContextPath());
		model.addAttribute("shapesLink", links.any());
		model.addAttribute("formats", FlowchartRequest.FORMATS);
		model.addAttribute("svg", flowcharts.svg(asked.locale(), asked.lanes(), links, period));
		return "presentation/flowchart";
	}

}
