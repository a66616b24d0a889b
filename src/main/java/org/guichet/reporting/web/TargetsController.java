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
import org.guichet.reporting.presentation.KpiNames;
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
 * target may be set on ({@link Kpi#UNITS}), named as everywhere else ({@link KpiNames}), a
 * comparison (none, at least, at most) and a value in the unit people think in ({@link TargetUnits}:
 * a percentage for a ratio, hours and minutes for a duration, 1–5 for a rating, a number of
 * tickets). Saving replaces every target at once; a value refused is shown next to its
 * row with everything typed kept.
 */
@Controller
@RequestMapping("/reports/targets")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class TargetsController {

	private final KpiTargets targets;

	private final MessageSource messages;

	private final KpiNames names;

	TargetsController(KpiTargets targets, MessageSource messages, KpiNames names) {
		this.targets = targets;
		this.messages = messages;
		this.names = names;
	}

	/**
	 * A row of the form, as typed or as stored.
	 *
	 * @param kpi the KPI's stable name
	 * @param label its name for the reader, a detail's with its KPI's ({@link KpiNames})
	 * @param unit its unit
	 * @param comparison {@code AT_LEAST}, {@code AT_MOST} or empty for no target
	 * @param value the value in the form's unit, as typed; empty when none
	 * @param error why it was refused, null when it was not
	 */
	record Row(String kpi, String label, KpiUnit unit, String comparison, String value, @Nullable String error) {

		Row refused(String why) {
			return new Row(kpi, label, unit, comparison, value, why);
		}

	}

	@GetMapping
	String form(@AuthenticationPrincipal CurrentUser me, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, KpiTarget> set = new LinkedHashMap<>();
		targets.list(me).forEach(target -> set.put(target.kpi(), target));
		List<Row> rows = new ArrayList<>();
		Kpi.UNITS.forEach((kpi, unit) -> {
			KpiTarget target = set.get(kpi);
			rows.add(new Row(kpi, names.name(kpi, locale), unit, target == null ? "" : target.comparison().name(),
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
			Row row = new Row(kpi, names.name(kpi, locale), entry.getValue(), comparison, value, null);
			if (!comparison.isEmpty()) {
				Double parsed = TargetUnits.stored(entry.getValue(), value);
				if (parsed == null) {
					row = row.refused(why(row, locale));
				}
				else {
					wanted.add(new KpiTarget(kpi, comparisonOf(comparison), parsed));
					wantedRows.add(kpi);
				}
			}
			refused |= row.error() != null;
			rows.add(row);
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

	/**
	 * The rows with the engine's refusals ({@code targets[i].value}) next to the KPI they name,
	 * said in the form's unit (the engine's messages speak the API's: ratios 0–1, ISO-8601).
	 */
	private List<Row> withRefusals(List<Row> rows, List<String> wantedRows, InvalidInputException first,
			Locale locale) {
		List<String> refusedKpis = new ArrayList<>();
		List<InvalidInputException> all = new ArrayList<>();
		all.add(first);
		all.addAll(first.others());
		for (InvalidInputException ex : all) {
			String field = ex.field();
			int open = field == null ? -1 : field.indexOf('[');
			int close = field == null ? -1 : field.indexOf(']');
			if (open >= 0 && close > open) {
				refusedKpis.add(wantedRows.get(Integer.parseInt(field.substring(open + 1, close))));
			}
		}
		return rows.stream().map(row -> refusedKpis.contains(row.kpi()) ? row.refused(why(row, locale)) : row).toList();
	}

	/** Why a row's value was refused: the KPI's name, what was typed, what to type. */
	private String why(Row row, Locale locale) {
		String example = messages.getMessage("reports.targets.example." + row.unit(), null, locale);
		return row.value().isEmpty()
				? messages.getMessage("reports.targets.invalid.empty", new Object[] { row.label(), example }, locale)
				: messages.getMessage("reports.targets.invalid", new Object[] { row.label(), row.value(), example },
						locale);
	}

	private static KpiComparison comparisonOf(String comparison) {
		return KpiComparison.AT_MOST.name().equals(comparison) ? KpiComparison.AT_MOST : KpiComparison.AT_LEAST;
	}

	private static String parameter(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? "" : value.strip();
	}

}
