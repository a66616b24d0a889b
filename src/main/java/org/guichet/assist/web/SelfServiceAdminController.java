package org.guichet.assist.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.assist.SelfServiceSettings;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
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
 * percent (the settings and the API hold it as a fraction of 1), and the categories where it may
 * be (none: off).
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
			model.addAttribute("version", settings.version());
		}
		model.addAttribute("categories", categories.findAllOrdered());
		return "assist/self-service-admin";
	}

	/**
	 * The threshold in percent as typed (above 0 to 100) and the categories ticked, on the
	 * settings' {@code version} the page showed; refused, the page again with the reason under the
	 * field (in percent, naming a category that no longer exists) and what was typed and ticked;
	 * saved since by someone else, the message and the version now saved.
	 */
	@PostMapping
	String save(@RequestParam(required = false) String threshold,
			@RequestParam(name = "categoryId", required = false) List<Long> categoryIds, @RequestParam long version,
			Model model, Locale locale, RedirectAttributes redirect) {
		List<Long> chosen = categoryIds == null ? List.of() : categoryIds;
		try {
			settings.set(percent(threshold) / 100, chosen, version);
		}
		catch (VersionMismatchException e) {
			typed(model, threshold, chosen, e.currentVersion());
			model.addAttribute("staleSave", true);
			return page(model);
		}
		catch (InvalidInputException e) {
			typed(model, threshold, chosen, version);
			String key = e.field() != null && e.field().equals("selfServiceCategories")
					? "assist.self-service.category.gone" : "assist.self-service.threshold.percent";
			model.addAttribute(e.field() + "Error", messages.getMessage(key, e.arguments(), locale));
			return page(model);
		}
		redirect.addFlashAttribute("flash", "assist.self-service.saved");
		return "redirect:/admin/assist/self-service";
	}

	private static void typed(Model model, String threshold, List<Long> chosen, long version) {
		model.addAttribute("threshold", threshold);
		model.addAttribute("chosen", Set.copyOf(chosen));
		model.addAttribute("version", version);
	}

	/** The percentage typed; refused on the page's own wording when it is no number. */
	private static double percent(String typed) {
		try {
			return Double.parseDouble(typed == null ? "" : typed.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("selfServiceThreshold", "assist.self-service.threshold.percent",
					"Type a percentage above 0 and at most 100 (80 for 80 %)");
		}
	}

}
