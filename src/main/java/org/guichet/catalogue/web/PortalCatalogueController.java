package org.guichet.catalogue.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.FormVersion;
import org.guichet.catalogue.OnBehalf;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.UserRepository;
import org.guichet.search.SearchWords;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Ticket;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * form comes back with each error beside its field and every answer as typed; a file cannot be
 * given back to the browser (and keeping it on the server for a form not sent would need storage
 * nobody owns), so each file field that had one says "choose it again", naming the file. Answers
 * sent for fields the form no longer has (a tab opened before an administrator changed the form)
 * are not filed silently without them: the form comes back showing what was typed for them.
 */
@Controller
class PortalCatalogueController {

	/** The prefix of an answer's parameter name: {@code answers.<key>}. */
	static final String ANSWER = "answers.";

	private final Catalogue catalogue;

	private final CatalogueRequests requests;

	private final UserRepository users;

	private final OnBehalf onBehalf;

	private final MessageSource messages;

	PortalCatalogueController(Catalogue catalogue, CatalogueRequests requests, UserRepository users, OnBehalf onBehalf,
			MessageSource messages) {
		this.catalogue = catalogue;
		this.requests = requests;
		this.users = users;
		this.onBehalf = onBehalf;
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
		return form(item, form, values, Map.of(), null, Map.of(), me, model);
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
		Map<String, String> typed = new HashMap<>();
		request.getParameterMap().forEach((name, sent) -> {
			if (name.startsWith(PeoplePickerController.TYPED) && sent.length > 0) {
				typed.put(name.substring(PeoplePickerController.TYPED.length()), sent[0]);
			}
		});
		Map<String, String> gone = answersToGoneFields(id, form, request);
		if (!gone.isEmpty()) {
			model.addAttribute("gone", gone);
			model.addAttribute("filesAgain", filesAgain(files, Map.of()));
			return form(item, form, answers, Map.of(), requesterId, typed, me, model);
		}
		try {
			Ticket ticket = requests.file(id, new Filing(answers, requesterId, Channel.PORTAL, files), me,
					LocaleContextHolder.getLocale()).ticket();
			redirect.addFlashAttribute("created", ticket.getNumber());
			return "redirect:" + (me.isAgent() ? "/agent/tickets/" : "/portal/tickets/") + ticket.id().value();
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			Stream.concat(Stream.of(ex), ex.others().stream())
				.forEach(refusal -> errors.putIfAbsent(errorKey(refusal.field()), message(refusal)));
			model.addAttribute("filesAgain", filesAgain(files, errors));
			return form(item, form, answers, errors, requesterId, typed, me, model);
		}
		catch (DomainException ex) {
			model.addAttribute("filesAgain", filesAgain(files, Map.of()));
			return form(item, form, answers, Map.of("global", message(ex)), requesterId, typed, me, model);
		}
	}

	/**
	 * The names of the files sent, by attachment field key, for the fields without an error of
	 * their own (whose message already says to choose another file): the form coming back cannot
	 * hold them, so each says to choose its file again.
	 */
	private static Map<String, String> filesAgain(List<Filing.FiledFile> files, Map<String, String> errors) {
		Map<String, String> again = new LinkedHashMap<>();
		files.stream().filter(file -> !errors.containsKey(file.fieldKey())).forEach(file -> again
			.merge(file.fieldKey(), file.fileName(), (names, name) -> names + ", " + name));
		return again;
	}

	/**
	 * What was sent for fields the current form does not have (the page was drawn from an earlier
	 * form), by the field's label in the latest version that had it (its key when none did): the
	 * text typed, or the file names. Blank answers are left out.
	 */
	private Map<String, String> answersToGoneFields(long itemId, FormDefinition form, MultipartHttpServletRequest request) {
		Map<String, String> sent = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			String text = Stream.of(values).filter(v -> v != null && !v.isBlank()).map(String::strip)
				.reduce((a, b) -> a + ", " + b).orElse("");
			if (name.startsWith(ANSWER) && !text.isEmpty()) {
				sent.put(name.substring(ANSWER.length()), text);
			}
		});
		request.getMultiFileMap().forEach((name, files) -> {
			String names = files.stream().filter(f -> !f.isEmpty()).map(f -> String.valueOf(f.getOriginalFilename()))
				.reduce((a, b) -> a + ", " + b).orElse("");
			if (name.startsWith(ANSWER) && !names.isEmpty()) {
				sent.put(name.substring(ANSWER.length()), names);
			}
		});
		sent.keySet().removeIf(key -> form.field(key) != null);
		if (sent.isEmpty()) {
			return Map.of();
		}
		Locale language = LocaleContextHolder.getLocale();
		List<FormDefinition> earlier = new ArrayList<>(catalogue.versions(itemId).stream().map(FormVersion::form).toList());
		Collections.reverse(earlier);
		Map<String, String> gone = new LinkedHashMap<>();
		sent.forEach((key, text) -> gone.put(earlier.stream().map(f -> f.field(key)).filter(Objects::nonNull).findFirst()
			.map(f -> f.label(language)).orElse(key), text));
		return gone;
	}

	/**
	 * @param typed what was typed in each person picker without choosing anyone, by field key
	 *        ({@code requesterId} for the IT team's "for whom"), given back in the picker
	 */
	private String form(CatalogueItem item, FormDefinition form, Map<String, List<String>> values,
			Map<String, String> errors, @Nullable Long requesterId, Map<String, String> typed, CurrentUser me,
			Model model) {
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
		model.addAttribute("shownPeople", shownPeople(form, given, requesterId, typed));
		model.addAttribute("reports", me.isAgent() ? List.of() : onBehalf.reportsOf(me));
		model.addAttribute("requesterId", requesterId);
		model.addAttribute("language", LocaleContextHolder.getLocale());
		if (!model.containsAttribute("gone")) {
			model.addAttribute("gone", Map.of());
		}
		if (!model.containsAttribute("filesAgain")) {
			model.addAttribute("filesAgain", Map.of());
		}
		return "catalogue/form";
	}

	/**
	 * What each person picker shows, by field key ({@code requesterId} for "for whom"): the name of
	 * the person chosen (whoever they are: the check of the answers says what is wrong with them),
	 * else what was typed; names read in one query.
	 */
	private Map<String, String> shownPeople(FormDefinition form, Map<String, List<String>> given,
			@Nullable Long requesterId, Map<String, String> typed) {
		Map<String, Long> chosen = new HashMap<>();
		form.fields().stream().filter(f -> f.kind() == FieldKind.USER).forEach(field -> given.get(field.key()).stream()
			.filter(value -> value.matches("\\d{1,18}")).findFirst()
			.ifPresent(value -> chosen.put(field.key(), Long.parseLong(value))));
		if (requesterId != null) {
			chosen.put("requesterId", requesterId);
		}
		Map<Long, String> names = new HashMap<>();
		if (!chosen.isEmpty()) {
			users.findAllById(Set.copyOf(chosen.values())).forEach(user -> names.put(user.getId(), user.getFullName()));
		}
		Map<String, String> shown = new HashMap<>(typed);
		chosen.forEach((key, userId) -> {
			if (names.containsKey(userId)) {
				shown.put(key, names.get(userId));
			}
		});
		return shown;
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

	/**
	 * Whether every word typed starts a word of the item's labels or descriptions, in either
	 * language, both read as the search reads them ({@link SearchWords#terms}: "ordinateurs" finds
	 * "ordinateur", "acces" finds "accès", "ordi" finds "ordinateur"); common words are not required.
	 */
	private static boolean matches(CatalogueItem item, String words) {
		List<String> typed = SearchWords.terms(words);
		if (typed.isEmpty()) {
			return true;
		}
		List<String> terms = SearchWords.terms(item.label(Locale.FRENCH) + " " + item.label(Locale.ENGLISH) + " "
				+ item.description(Locale.FRENCH) + " " + item.description(Locale.ENGLISH));
		return typed.stream().allMatch(word -> terms.stream().anyMatch(term -> term.startsWith(word)));
	}

}
