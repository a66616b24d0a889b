package org.guichet.catalogue.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.text.Folding;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Ticket;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's service catalogue: its sections and items (with a search over their labels and
 * descriptions), and each item's form, rendered here and checked again on the server. A refused
 * form comes back with each error beside its field and every answer as typed (files excepted,
 * which the browser cannot be given back).
 */
@Controller
class PortalCatalogueController {

	/** The prefix of an answer's parameter name: {@code answers.<key>}. */
	static final String ANSWER = "answers.";

	private final Catalogue catalogue;

	private final CatalogueRequests requests;

	private final UserRepository users;

	private final MessageSource messages;

	PortalCatalogueController(Catalogue catalogue, CatalogueRequests requests, UserRepository users,
			MessageSource messages) {
		this.catalogue = catalogue;
		this.requests = requests;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/portal/catalogue")
	String catalogue(@RequestParam(required = false) @Nullable String q, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		String words = q == null ? "" : q.strip();
		List<CatalogueItem> items = catalogue.requestable(me).stream().filter(item -> matches(item, words)).toList();
		Map<CatalogueSection, List<CatalogueItem>> sections = new LinkedHashMap<>();
		for (CatalogueSection section : catalogue.sections()) {
			List<CatalogueItem> inSection = items.stream().filter(i -> i.getSection().getId() == section.getId())
				.toList();
			if (!inSection.isEmpty()) {
				sections.put(section, inSection);
			}
		}
		model.addAttribute("q", words);
		model.addAttribute("sections", sections);
		model.addAttribute("language", LocaleContextHolder.getLocale());
		return "catalogue/portal";
	}

	@GetMapping("/portal/catalogue/items/{id}")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		CatalogueItem item = catalogue.requestable(id, me);
		FormDefinition form = catalogue.currentForm(id).form();
		Map<String, List<String>> values = new HashMap<>();
		form.fields().forEach(field -> values.put(field.key(), field.defaultValues()));
		return form(item, form, values, Map.of(), null, me, model);
	}

	@PostMapping("/portal/catalogue/items/{id}")
	String file(@PathVariable long id, @RequestParam(required = false) @Nullable Long requesterId,
			MultipartHttpServletRequest request, @AuthenticationPrincipal CurrentUser me, Model model,
			RedirectAttributes redirect) throws IOException {
		CatalogueItem item = catalogue.requestable(id, me);
		FormDefinition form = catalogue.currentForm(id).form();
		Map<String, List<String>> answers = new HashMap<>();
		List<Filing.FiledFile> files = new ArrayList<>();
		for (FormField field : form.fields()) {
			String name = ANSWER + field.key();
			if (field.kind() == FieldKind.ATTACHMENT) {
				for (MultipartFile file : request.getMultiFileMap().getOrDefault(name, List.of())) {
					if (!file.isEmpty()) {
						files.add(new Filing.FiledFile(field.key(), String.valueOf(file.getOriginalFilename()),
								String.valueOf(file.getContentType()), file.getBytes()));
					}
				}
			}
			else {
				String[] sent = request.getParameterValues(name);
				answers.put(field.key(), sent == null ? List.of() : List.of(sent));
			}
		}
		Long forWhom = me.isAgent() ? requesterId : null;
		try {
			Ticket ticket = requests.file(id, new Filing(answers, forWhom, Channel.PORTAL, files), me,
					LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("created", ticket.getNumber());
			return "redirect:" + (me.isAgent() ? "/agent/tickets/" : "/portal/tickets/") + ticket.id().value();
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			Stream.concat(Stream.of(ex), ex.others().stream())
				.forEach(refusal -> errors.putIfAbsent(errorKey(refusal.field()), message(refusal)));
			return form(item, form, answers, errors, forWhom, me, model);
		}
		catch (DomainException ex) {
			return form(item, form, answers, Map.of("global", message(ex)), forWhom, me, model);
		}
	}

	private String form(CatalogueItem item, FormDefinition form, Map<String, List<String>> values,
			Map<String, String> errors, @Nullable Long requesterId, CurrentUser me, Model model) {
		boolean asksForPeople = me.isAgent() || form.fields().stream().anyMatch(f -> f.kind() == FieldKind.USER);
		List<User> people = asksForPeople ? users.findByActiveTrue(Sort.by("fullName")) : List.of();
		Map<String, Boolean> shown = new HashMap<>();
		Map<String, List<String>> answered = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			boolean visible = FormDefinition.isShown(field, answered);
			shown.put(field.key(), visible);
			if (visible) {
				answered.put(field.key(), values.getOrDefault(field.key(), List.of()));
			}
		}
		Map<String, List<String>> given = new HashMap<>();
		form.fields().forEach(field -> given.put(field.key(), values.getOrDefault(field.key(), List.of())));
		model.addAttribute("item", item);
		model.addAttribute("agent", me.isAgent());
		model.addAttribute("fields", form.fields());
		model.addAttribute("values", given);
		model.addAttribute("shown", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("people", people);
		model.addAttribute("requesterId", requesterId);
		model.addAttribute("language", LocaleContextHolder.getLocale());
		return "catalogue/form";
	}

	/** An error's key on the page: the answer's field key, {@code requesterId}, or {@code global}. */
	private static String errorKey(@Nullable String field) {
		if (field == null) {
			return "global";
		}
		return field.startsWith(ANSWER) ? field.substring(ANSWER.length()) : field;
	}

	private String message(DomainException ex) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale());
	}

	private static boolean matches(CatalogueItem item, String words) {
		if (words.isEmpty()) {
			return true;
		}
		String text = Folding.fold(item.label(Locale.FRENCH) + " " + item.label(Locale.ENGLISH) + " "
				+ item.description(Locale.FRENCH) + " " + item.description(Locale.ENGLISH));
		return Stream.of(Folding.fold(words).split("\\s+")).allMatch(text::contains);
	}

}
