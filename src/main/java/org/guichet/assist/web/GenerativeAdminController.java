package org.guichet.assist.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.assist.GenerativeAdministration;
import org.guichet.assist.GenerativeFailure;
import org.guichet.assist.GenerativeFeature;
import org.guichet.assist.GenerativeSettings;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.InvalidInputException;
import org.guichet.system.RepeatableSubmission;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the generative help ({@code /admin/assist/generative}, linked from
 * the assistant's page): the server, model and API key, the features, the groups allowed, the daily
 * budget and today's spending, the timeout, masking; "Test the connection"; and the last prompts
 * sent, exactly as sent.
 */
@Controller
@RequestMapping("/admin/assist/generative")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class GenerativeAdminController {

	private final GenerativeAdministration administration;

	private final SupportGroupRepository groups;

	private final MessageSource messages;

	GenerativeAdminController(GenerativeAdministration administration, SupportGroupRepository groups,
			MessageSource messages) {
		this.administration = administration;
		this.groups = groups;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		if (!model.containsAttribute("form")) {
			GenerativeSettings.Settings s = administration.settings();
			model.addAttribute("form", new Form(s.enabled(), s.baseUrl(), s.model(), s.features(), s.groupIds(),
					String.valueOf(s.dailyRequests()), s.dailyTokens() == null ? "" : String.valueOf(s.dailyTokens()),
					String.valueOf(s.timeoutSeconds()), s.maskPersonalData()));
			model.addAttribute("version", administration.version());
		}
		model.addAttribute("hasApiKey", administration.settings().hasApiKey());
		model.addAttribute("groups", groups.findAll(Sort.by("name")));
		model.addAttribute("features", GenerativeFeature.values());
		model.addAttribute("spent", administration.today());
		model.addAttribute("exchanges", administration.exchanges());
		return "assist/generative-admin";
	}

	/** The form as typed, shown again when refused. */
	record Form(boolean enabled, @Nullable String baseUrl, @Nullable String model, Set<GenerativeFeature> features,
			Set<Long> groupIds, String dailyRequests, String dailyTokens, String timeoutSeconds,
			boolean maskPersonalData) {
	}

	/**
	 * Saves the settings on the {@code version} the page showed; refused, the page again with each
	 * reason under its field and what was typed (saved since by someone else: the message, and the
	 * version now saved).
	 */
	@PostMapping
	String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String baseUrl,
			@RequestParam(required = false) String model, @RequestParam(required = false) String apiKey,
			@RequestParam(defaultValue = "false") boolean forgetApiKey,
			@RequestParam(name = "feature", required = false) List<GenerativeFeature> features,
			@RequestParam(name = "groupId", required = false) List<Long> groupIds,
			@RequestParam(required = false) String dailyRequests, @RequestParam(required = false) String dailyTokens,
			@RequestParam(required = false) String timeoutSeconds,
			@RequestParam(defaultValue = "false") boolean maskPersonalData, @RequestParam long version, Model page,
			Locale locale, RedirectAttributes redirect) {
		Set<GenerativeFeature> on = features == null || features.isEmpty() ? Set.of() : EnumSet.copyOf(features);
		Set<Long> allowed = groupIds == null ? Set.of() : Set.copyOf(groupIds);
		try {
			administration.save(new GenerativeSettings.Changes(enabled, baseUrl, model, apiKey, forgetApiKey, on,
					allowed, whole("dailyRequests", dailyRequests), whole("dailyTokens", dailyTokens),
					whole("timeoutSeconds", timeoutSeconds), maskPersonalData), version);
		}
		catch (VersionMismatchException e) {
			page.addAttribute("form", new Form(enabled, baseUrl, model, on, allowed, blank(dailyRequests),
					blank(dailyTokens), blank(timeoutSeconds), maskPersonalData));
			page.addAttribute("version", e.currentVersion());
			page.addAttribute("staleSave", true);
			return page(page);
		}
		catch (InvalidInputException e) {
			page.addAttribute("form", new Form(enabled, baseUrl, model, on, allowed, blank(dailyRequests),
					blank(dailyTokens), blank(timeoutSeconds), maskPersonalData));
			page.addAttribute("version", version);
			List<InvalidInputException> refusals = new java.util.ArrayList<>(e.others());
			refusals.add(0, e);
			for (InvalidInputException each : refusals) {
				page.addAttribute(each.field() + "Error",
						messages.getMessage(each.messageKey(), each.arguments(), locale));
			}
			return page(page);
		}
		redirect.addFlashAttribute("flash", "assist.generative.admin.saved");
		return "redirect:/admin/assist/generative";
	}

	/** Sends a tiny prompt with the saved settings and answers how it went, in place (htmx). */
	@PostMapping("/test")
	@RepeatableSubmission
	String test(Model model) {
		try {
			model.addAttribute("testAnswer", administration.testConnection());
		}
		catch (GenerativeFailure failure) {
			model.addAttribute("testFailure", failure);
		}
		return "assist/generative-admin :: test";
	}

	private static @Nullable Integer whole(String field, @Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field,
					field.equals("timeoutSeconds") ? "assist.generative.timeout.range" : "assist.generative.budget.invalid",
					"A whole number", GenerativeSettings.TIMEOUT_MAX);
		}
	}

	private static String blank(@Nullable String typed) {
		return typed == null ? "" : typed;
	}

}
