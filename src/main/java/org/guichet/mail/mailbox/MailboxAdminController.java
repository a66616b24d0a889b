package org.guichet.mail.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.SupportGroupRepository;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.system.InvalidInputException;
import org.guichet.system.RepeatableSubmission;
import org.guichet.system.SecretCipher;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the mailboxes Guichet reads: each with how its reading goes (last
 * reading, last success, last error in plain words, messages ingested, messages skipped), and
 * the form to create or change one, with a button that tests the connection as typed, without
 * saving (htmx; without script the test answers with the whole form).
 */
@Controller
@RequestMapping("/admin/mailboxes")
class MailboxAdminController {

	private static final String FORM = "admin/mailboxes/form";

	private static final String LIST = "redirect:/admin/mailboxes";

	private final MailboxService mailboxes;

	private final ConnectionTest tester;

	private final MailboxViews views;

	private final SupportGroupRepository groups;

	private final CategoryRepository categories;

	MailboxAdminController(MailboxService mailboxes, ConnectionTest tester, MailboxViews views,
			SupportGroupRepository groups, CategoryRepository categories) {
		this.mailboxes = mailboxes;
		this.tester = tester;
		this.views = views;
		this.groups = groups;
		this.categories = categories;
	}

	@GetMapping
	String list(Model model, Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (StoredMailbox mailbox : mailboxes.list()) {
			rows.add(new Row(mailbox, views.status(mailbox, locale)));
		}
		model.addAttribute("rows", rows);
		return "admin/mailboxes/list";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		MailboxForm form = new MailboxForm();
		groups.findAll().stream().findFirst().ifPresent(group -> form.setGroupId(group.getId()));
		model.addAttribute("mailboxForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreationForm(MailboxForm mailboxForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			MailboxDefinition definition = mailboxForm.definition();
			if (result.hasErrors()) {
				mailboxes.check(definition, null);
			}
			else {
				mailboxes.create(definition);
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return LIST;
			}
		}
		catch (InvalidInputException ex) {
			reject(ex, result);
		}
		mailboxForm.setPassword("");
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("mailboxForm", MailboxForm.of(mailboxes.get(id)));
		return form(model, id);
	}

	/**
	 * Saves the form, made on the mailbox's version it was opened on; when someone changed the
	 * mailbox since, the form again as typed with the version now.
	 */
	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, MailboxForm mailboxForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		mailboxes.get(id);
		try {
			MailboxDefinition definition = mailboxForm.definition();
			if (result.hasErrors()) {
				mailboxes.check(definition, id);
			}
			else {
				mailboxes.update(id, mailboxForm.getVersion(), definition);
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				return LIST;
			}
		}
		catch (InvalidInputException ex) {
			reject(ex, result);
		}
		catch (VersionMismatchException ex) {
			mailboxForm.setVersion(ex.currentVersion());
			result.reject("admin.conflict");
		}
		mailboxForm.setPassword("");
		return form(model, id);
	}

	/** Disables or enables a mailbox; its settings stay. */
	@PostMapping("/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		mailboxes.enable(id, enabled);
		redirect.addFlashAttribute("flash", enabled ? "mailbox.flash.enabled" : "mailbox.flash.disabled");
		return LIST;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		mailboxes.delete(id);
		redirect.addFlashAttribute("flash", "mailbox.flash.deleted");
		return LIST;
	}

	/**
	 * Tests the connection as typed, saving nothing; on a saved mailbox ({@code id}), an empty
	 * password is the stored one. Answers the result alone to htmx, the whole form otherwise.
	 */
	@PostMapping("/test")
	@RepeatableSubmission
	String test(MailboxForm mailboxForm, BindingResult result, @RequestParam(required = false) @Nullable Long id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, Locale locale) {
		try {
			MailboxDefinition checked = mailboxes.checkForTest(mailboxForm.definition(), id);
			model.addAttribute("test", views.test(tester.test(checked, mailboxes.passwordForTest(id, mailboxForm.getPassword())),
					checked, locale));
		}
		catch (InvalidInputException ex) {
			reject(ex, result);
			model.addAttribute("testRefused", true);
		}
		catch (SecretCipher.UnreadableSecretException ex) {
			model.addAttribute("test", views.test(new ConnectionTest.Result(FailureKind.PASSWORD_UNREADABLE, ex.getMessage(),
					0, 0, false), mailboxForm.definition(), locale));
		}
		if (htmx != null) {
			return "admin/mailboxes/test :: result";
		}
		mailboxForm.setPassword("");
		return form(model, id);
	}

	/** Puts every refusal on the form next to its field, except on a field already refused as mistyped. */
	private static void reject(InvalidInputException ex, BindingResult result) {
		List<InvalidInputException> all = new ArrayList<>(List.of(ex));
		all.addAll(ex.others());
		for (InvalidInputException refusal : all) {
			String field = refusal.field();
			if (field != null && !result.hasFieldErrors(field)) {
				result.rejectValue(field, refusal.messageKey(), refusal.arguments(), refusal.getMessage());
			}
			else if (field == null) {
				result.reject(refusal.messageKey(), refusal.arguments(), refusal.getMessage());
			}
		}
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("mailboxId", id);
		model.addAttribute("protocols", Protocol.values());
		model.addAttribute("securities", Security.values());
		model.addAttribute("afterIngests", AfterIngest.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("unknownSenderPolicies", UnknownSenders.values());
		model.addAttribute("groups", groups.findAll());
		model.addAttribute("categories", categories.findAll().stream().filter(category -> category.isActive()).toList());
		if (id != null) {
			model.addAttribute("mailboxName", mailboxes.get(id).definition().name());
		}
		return FORM;
	}

	/** A line of the list: the mailbox and how its reading goes. */
	record Row(StoredMailbox mailbox, MailboxJson.Status status) {
	}

}
