package org.guichet.webhooks.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.DomainException;
import org.guichet.system.FormRefusals;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.guichet.webhooks.Webhook;
import org.guichet.webhooks.WebhookEvent;
import org.guichet.webhooks.Webhooks;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration › Webhooks ({@code /admin/webhooks}, administrators only): the webhooks, the
 * form to create (the secret shown once, after) or change one, its delivery log with each
 * attempt's answer, and Send again.
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookAdminController {

	private static final String FORM = "webhooks/form";

	private static final String LIST = "redirect:/admin/webhooks";

	private final Webhooks webhooks;

	private final SupportGroupRepository groups;

	private final CategoryRepository categories;

	WebhookAdminController(Webhooks webhooks, SupportGroupRepository groups, CategoryRepository categories) {
		this.webhooks = webhooks;
		this.groups = groups;
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("webhooks", webhooks.list());
		model.addAttribute("groupNames", groupNames());
		model.addAttribute("categoryPaths", categoryPaths());
		return "webhooks/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("webhookForm", WebhookForm.blank());
		return form(model, null);
	}

	/** Creates it and shows its secret once, on the webhook's page; refused: the form again with every error. */
	@PostMapping("/new")
	String processCreationForm(@ModelAttribute("webhookForm") WebhookForm webhookForm, BindingResult result,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Webhooks.Created created = webhooks.create(webhookForm.definition(), me.id());
				redirect.addFlashAttribute("createdSecret", created.secret());
				return "redirect:/admin/webhooks/" + created.webhook().id();
			}
			catch (DomainException ex) {
				FormRefusals.reject(ex, result);
			}
		}
		webhookForm.setSecret("");
		return form(model, null);
	}

	@GetMapping("/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("webhookForm", WebhookForm.of(webhooks.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("webhookForm") WebhookForm webhookForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		webhooks.get(id);
		if (!result.hasErrors()) {
			FormRefusals.check(result, () -> webhooks.update(id, webhookForm.definition()));
		}
		webhookForm.setSecret("");
		if (result.hasErrors()) {
			return form(model, id);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		webhooks.delete(id);
		redirect.addFlashAttribute("flash", "webhooks.deleted");
		return LIST;
	}

	/** Queues a delivery again; one already waiting is left as it is and the page says so. */
	@PostMapping("/{id}/deliveries/{deliveryId}/resend")
	String resend(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
		redirect.addFlashAttribute(webhooks.resend(id, deliveryId) ? "resent" : "alreadyWaiting", deliveryId);
		return "redirect:/admin/webhooks/" + id + "#deliveries";
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("webhookId", id);
		model.addAttribute("eventTypes", WebhookEvent.values());
		model.addAttribute("groups", groups.findAll(Sort.by("name")));
		WebhookForm typed = (WebhookForm) model.getAttribute("webhookForm");
		model.addAttribute("categories", categories.findAllOrdered()
			.stream()
			.filter(c -> c.isActive() || (typed != null && typed.getCategoryIds().contains(c.getId())))
			.toList());
		if (id != null) {
			Webhook webhook = webhooks.get(id);
			model.addAttribute("webhookName", webhook.name());
			model.addAttribute("deliveries", webhooks.deliveries(id));
			model.addAttribute("logSize", Webhooks.LOG_SIZE);
		}
		return FORM;
	}

	private Map<Long, String> groupNames() {
		return groups.findAll().stream().collect(Collectors.toMap(SupportGroup::getId, SupportGroup::getName));
	}

	private Map<Long, String> categoryPaths() {
		return categories.findAllOrdered()
			.stream()
			.collect(Collectors.toMap(Category::getId, Category::getPath, (a, b) -> a));
	}

}
