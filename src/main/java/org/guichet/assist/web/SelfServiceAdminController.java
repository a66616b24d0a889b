package org.guichet.assist.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.assist.SelfServiceSettings;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.CategoryRepository;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the self-service resolution ({@code /admin/assist/self-service},
 * linked from the assistant's page): the least confidence for an article to be offered, in
 * percent, and the categories where it may be (none: off).
 */
@Controller
@RequestMapping("/admin/assist/self-service")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class SelfServiceAdminController {

	private final SelfServiceSettings settings;

	private final CategoryRepository categories;

	private final MessageSource messages;

	SelfServiceAdminController(SelfServiceSettings settings, CategoryRepository categories, MessageSource messages) {
		this.settings = settings;
		this.categories = categories;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		if (!model.containsAttribute("threshold")) {
			model.addAttribute("threshold", Math.round(settings.threshold() * 100));
			model.addAttribute("chosen", settings.categories());
		}
		model.addAttribute("categories", categories.findAllOrdered());
		return "assist/self-service-admin";
	}

	/**
	 * The threshold in percent as typed (above 0 to 100) and the categories ticked; refused, the
	 * page again with the reason under the field and what was typed and ticked.
	 */
	@PostMapping
	String save(@RequestParam(required = false) String threshold,
			@RequestParam(name = "categoryId", required = false) List<Long> categoryIds, Model model, Locale locale,
			RedirectAttributes redirect) {
		List<Long> chosen = categoryIds == null ? List.of() : categoryIds;
		try {
			settings.set(percent(threshold) / 100, chosen);
		}
		catch (InvalidInputException e) {
			model.addAttribute("threshold", threshold);
			model.addAttribute("chosen", Set.copyOf(chosen));
			model.addAttribute(e.field() + "Error", messages.getMessage(e.messageKey(), null, locale));
			return page(model);
		}
		redirect.addFlashAttribute("flash", "assist.self-service.saved");
		return "redirect:/admin/assist/self-service";
	}

	private static double percent(String typed) {
		try {
			return Double.parseDouble(typed == null ? "" : typed.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("selfServiceThreshold", "assist.self-service.threshold.range",
					"The least confidence is a percentage above 0 and at most 100");
		}
	}

}
