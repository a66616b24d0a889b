package org.guichet.catalogue.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person picker of the catalogue's forms (a user field, and the IT team's "for whom"): the
 * options of a type-ahead over the active people's full names, {@value #LIMIT} at most, by name,
 * from {@value #MIN_TYPED} letters typed; anyone signed in may ask, so each option shows a name and
 * a department only (never an e-mail or a phone number), and never the whole directory. What is
 * typed beyond {@value #MAX_TYPED} characters is not searched.
 */
@Controller
class PeoplePickerController {

	static final int LIMIT = 20;

	static final int MIN_TYPED = 2;

	static final int MAX_TYPED = 100;

	/** What a listbox's id may be: it prefixes the options' ids, written back into the page. */
	private static final Pattern LIST_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,80}");

	private final UserRepository users;

	PeoplePickerController(UserRepository users) {
		this.users = users;
	}

	/** The prefix of the name under which a picker sends what is typed in it: {@code typed.<field>}. */
	static final String TYPED = "typed.";

	/**
	 * @param parameters what is typed, under its picker's name ({@code typed.<field>}: the first such
	 *        is read), matched anywhere in a full name ignoring case
	 * @param list the id of the listbox the options go into (their ids start with it); another
	 *        text than an id is replaced by {@code people}
	 */
	@GetMapping("/portal/catalogue/people")
	String people(@RequestParam Map<String, String> parameters,
			@RequestParam(name = "list", defaultValue = "people") String list, Model model) {
		String text = parameters.entrySet().stream().filter(p -> p.getKey().startsWith(TYPED)).map(Map.Entry::getValue)
			.findFirst().orElse("").strip().toLowerCase(Locale.ROOT);
		text = text.substring(0, Math.min(text.length(), MAX_TYPED));
		model.addAttribute("list", LIST_ID.matcher(list).matches() ? list : "people");
		if (text.length() >= MIN_TYPED) {
			String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
			Slice<User> found = users.findActiveByName(pattern, PageRequest.of(0, LIMIT));
			model.addAttribute("people", found.getContent());
			model.addAttribute("more", found.hasNext());
		}
		return "catalogue/people :: options";
	}

}
