package org.guichet.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiTargets;
import org.guichet.reporting.KpiUnit;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the KPIs' targets ({@code /reports/targets}): one row per KPI a
 * target may be set on ({@link Kpi#UNITS}), a comparison (none, at least, at most) and a value in
 * the unit people think in (a percentage for a ratio, hours for a duration, 1–5 for a rating, a
 * number of tickets). Saving replaces every target at once; a value refused is shown next to its
 * row with everything typed kept.
 */
@Controller
@RequestMapping("/reports/targets")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class TargetsController {

	private final KpiTargets targets;

	private final MessageSource messages;

	TargetsController(KpiTargets targets, MessageSource messages) {
		this.targets = targets;
		this.messages = messages;
	}

	/**
	 * A row of the form, as typed or as stored.
	 *
	 * @param kpi the KPI's name
	 * @param unit its unit
	 * @param comparison {@code AT_LEAST}, {@code AT_MOST} or empty for no target
	 * @param value the value in the form's unit, as typed; empty when none
	 * @param error why it was refused, null when it was not
	 */
	record Row(String kpi, KpiUnit unit, String comparison, String value, @Nullable String error) {
	}

	@GetMapping
	String form(@AuthenticationPrincipal CurrentUser me, Model model) {
		Map<String, KpiTarget> set = new LinkedHashMap<>();
		targets.list(me).forEach(target -> set.put(target.kpi(), target));
		List<Row> rows = new ArrayList<>();
		Kpi.UNITS.forEach((kpi, unit) -> {
			KpiTarget target = set.get(kpi);
			rows.add(new Row(kpi, unit, target == null ? "" : target.comparison().name(),
					target == null ? "" : TargetUnits.shown(unit, target.value()), null));
		});
		model.addAttribute("rows", rows);
		return "reports/targets";
	}

	@PostMapping
	String save(HttpServletRequest request, @AuthenticationPrincipal CurrentUser me, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Row> rows = new ArrayList<>();
		List<KpiTarget> wanted = new ArrayList<>();
		List<String> wantedRows = new ArrayList<>();
		boolean refused = false;
		for (Map.Entry<String, KpiUnit> entry : Kpi.UNITS.entrySet()) {
			String kpi = entry.getKey();
			String comparison = parameter(request, "comparison." + kpi);
			String value = parameter(request, "value." + kpi);
			String error = null;
			if (!comparison.isEmpty()) {
				Double parsed = TargetUnits.stored(entry.getValue(), value);
				if (parsed == null) {
					error = messages.getMessage("reports.targets.value-invalid", null, locale);
				}
				else {
					wanted.add(new KpiTarget(kpi, comparisonOf(comparison), parsed));
					wantedRows.add(kpi);
				}
			}
			refused |= error != null;
			rows.add(new Row(kpi, entry.getValue(), comparison, value, error));
		}
		if (!refused) {
			try {
				targets.replace(wanted, me);
				redirect.addFlashAttribute("flash", "reports.targets.saved");
				return "redirect:/reports/targets";
			}
			catch (InvalidInputException ex) {
				rows = withRefusals(rows, wantedRows, ex, locale);
			}
		}
		model.addAttribute("rows", rows);
		model.addAttribute("refused", true);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "reports/targets";
	}

	/** The rows with the engine's refusals ({@code targets[i].value}) next to the KPI they name. */
	private List<Row> withRefusals(List<Row> rows, List<String> wantedRows, InvalidInputException first,
			Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<InvalidInputException> all = new ArrayList<>();
		all.add(first);
		all.addAll(first.others());
		for (InvalidInputException ex : all) {
			String field = ex.field();
			int open = field == null ? -1 : field.indexOf('[');
			int close = field == null ? -1 : field.indexOf(']');
			if (open >= 0 && close > open) {
				int index = Integer.parseInt(field.substring(open + 1, close));
				errors.putIfAbsent(wantedRows.get(index),
						messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), locale));
			}
		}
		return rows.stream()
			.map(row -> errors.containsKey(row.kpi())
					? new Row(row.kpi(), row.unit(), row.comparison(), row.value(), errors.get(row.kpi())) : row)
			.toList();
	}

	private static KpiComparison comparisonOf(String comparison) {
		return KpiComparison.AT_MOST.name().equals(comparison) ? KpiComparison.AT_MOST : KpiComparison.AT_LEAST;
	}

	private static String parameter(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? "" : value.strip();
	}

}
