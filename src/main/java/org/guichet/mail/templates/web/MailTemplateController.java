package org.guichet.mail.templates.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.mail.MailKind;
import org.guichet.mail.outbox.MailRenderer;
import org.guichet.mail.outbox.RenderedMail;
import org.guichet.mail.templates.MailTemplate;
import org.guichet.mail.templates.MailTemplateSamples;
import org.guichet.mail.templates.MailTemplates;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.system.RepeatableSubmission;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration › Mail out › Mail texts: every kind of mail ({@link MailKind#values()}) in each
 * language with whether its texts were edited; the editor of one kind and language, with its
 * placeholders, a preview (htmx, nothing saved) and "back to default". A refused form comes back
 * with what was typed and each error next to its field; so does one saved over texts someone
 * else saved since the editor was opened, with the shared "changed meanwhile" message.
 */
@Controller
@RequestMapping("/admin/mail/templates")
class MailTemplateController {

	private static final String EDITOR = "admin/mail/template";

	private final MailTemplates templates;

	private final MailRenderer renderer;

	private final MailTemplateSamples samples;

	private final MessageSource messages;

	MailTemplateController(MailTemplates templates, MailRenderer renderer, MailTemplateSamples samples,
			MessageSource messages) {
		this.templates = templates;
		this.renderer = renderer;
		this.samples = samples;
		this.messages = messages;
	}

	/**
	 * One kind in one language, as the list shows it.
	 *
	 * @param edited whether administrators' texts replace the bundle's
	 */
	record Row(String key, String label, String language, String subject, boolean edited) {
	}

	@GetMapping
	String list(Model model, Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (MailKind kind : MailKind.values()) {
			for (String language : MailTemplates.LANGUAGES) {
				boolean edited = templates.override(kind, language).isPresent();
				rows.add(new Row(kind.key(), label(kind, locale), language,
						templates.current(kind, Locale.forLanguageTag(language)).subject(), edited));
			}
		}
		model.addAttribute("rows", rows);
		return "admin/mail/templates";
	}

	@GetMapping("/{key}/{language}")
	String edit(@PathVariable String key, @PathVariable String language, Model model, Locale locale) {
		MailKind kind = MailTemplates.kind(key);
		MailTemplate current = templates.current(kind, Locale.forLanguageTag(MailTemplates.language(language)));
		MailTemplateForm form = new MailTemplateForm();
		form.setSubject(current.subject());
		form.setBody(current.body());
		form.setVersion(templates.version(kind, language));
		model.addAttribute("mailTemplateForm", form);
		return editor(kind, language, model, locale);
	}

	@PostMapping("/{key}/{language}")
	String save(@PathVariable String key, @PathVariable String language, MailTemplateForm mailTemplateForm,
			BindingResult result, @AuthenticationPrincipal CurrentUser me, Model model, Locale locale,
			RedirectAttributes redirect) {
		MailKind kind = MailTemplates.kind(key);
		try {
			templates.save(kind, MailTemplates.language(language), mailTemplateForm.getVersion(),
					mailTemplateForm.getSubject(), mailTemplateForm.getBody(), me.id());
		}
		catch (InvalidInputException ex) {
			FormRefusals.reject(ex, result);
			return editor(kind, language, model, locale);
		}
		catch (VersionMismatchException ex) {
			// the texts again as typed: saving them once more replaces the other change knowingly
			mailTemplateForm.setVersion(ex.currentVersion());
			result.reject("admin.conflict");
			return editor(kind, language, model, locale);
		}
		redirect.addFlashAttribute("saved", "mail.templates.saved");
		return "redirect:/admin/mail/templates/" + kind.key() + "/" + language;
	}

	/** The texts as typed, written for the example ticket in the editor's language; saves nothing. */
	@PostMapping("/{key}/{language}/preview")
	@RepeatableSubmission
	String preview(@PathVariable String key, @PathVariable String language, MailTemplateForm mailTemplateForm,
			Model model, Locale locale) {
		MailKind kind = MailTemplates.kind(key);
		Locale mailLocale = Locale.forLanguageTag(MailTemplates.language(language));
		try {
			MailTemplate texts = templates.check(kind, language, mailTemplateForm.getSubject(),
					mailTemplateForm.getBody());
			RenderedMail mail = renderer.render(samples.notice(kind, mailLocale), samples.recipient(mailLocale),
					mailLocale, texts);
			model.addAttribute("mail", mail);
		}
		catch (InvalidInputException ex) {
			List<String> problems = new ArrayList<>();
			problems.add(messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), locale));
			ex.others().forEach(other -> problems
				.add(messages.getMessage(other.messageKey(), other.arguments(), other.getMessage(), locale)));
			model.addAttribute("problems", problems);
		}
		return EDITOR + " :: preview";
	}

	/**
	 * Back to the default texts, made on the version the page showed ({@code version}; a page
	 * without one is taken as older than any): texts changed since are kept, and the page says so.
	 */
	@PostMapping("/{key}/{language}/reset")
	String reset(@PathVariable String key, @PathVariable String language,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		MailKind kind = MailTemplates.kind(key);
		try {
			templates.reset(kind, MailTemplates.language(language), version == null ? -1 : version);
			redirect.addFlashAttribute("saved", "mail.templates.was-reset");
		}
		catch (VersionMismatchException ex) {
			redirect.addFlashAttribute("changed", true);
		}
		return "redirect:/admin/mail/templates/" + kind.key() + "/" + language;
	}

	private String editor(MailKind kind, String language, Model model, Locale locale) {
		Locale mailLocale = Locale.forLanguageTag(language);
		Map<String, String> placeholders = new LinkedHashMap<>();
		for (String name : templates.placeholders(kind, mailLocale)) {
			placeholders.put("{" + name + "}",
					messages.getMessage("mail.templates.placeholder." + name, null, "", locale));
		}
		model.addAttribute("key", kind.key());
		model.addAttribute("kindLabel", label(kind, locale));
		model.addAttribute("kindHelp", messages.getMessage("mail.templates.kind." + kind.key() + ".help", null, "",
				locale));
		model.addAttribute("language", language);
		model.addAttribute("languageLabel", messages.getMessage("mail.templates.language." + language, null, locale));
		model.addAttribute("placeholders", placeholders);
		model.addAttribute("edited", templates.override(kind, language).orElse(null));
		model.addAttribute("subjectMax", MailTemplates.SUBJECT_MAX);
		model.addAttribute("bodyMax", MailTemplates.BODY_MAX);
		return EDITOR;
	}

	/** The kind's name on the pages; a kind added without one shows its constant's name. */
	private String label(MailKind kind, Locale locale) {
		return messages.getMessage("mail.templates.kind." + kind.key(), null, kind.name(), locale);
	}

}
