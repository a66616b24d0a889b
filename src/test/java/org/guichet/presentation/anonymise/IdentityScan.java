package org.guichet.presentation.anonymise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.guichet.presentation.anonymise.Tokens.Token;
import org.guichet.text.Folding;

/**
 * What is left of people's identities in an anonymised output (text, HTML, a PDF's extracted
 * text): each person's full name, first and last names alone, login as a mention, e-mail address
 * and phone number (its digits, however they are separated). Names are looked for as whole words
 * in any case and without accents, whatever stands between their words; a name that is also a
 * common word ({@link NameIndex#COMMON_WORDS}) only capitalised, as {@link Pseudonyms} keeps and
 * lists it in lower case.
 */
public final class IdentityScan {

	private record Sought(String what, String words, boolean commonWord, String kind) {
	}

	private final List<Sought> sought = new ArrayList<>();

	private IdentityScan(Collection<Person> people) {
		for (Person person : people) {
			List<String> names = new ArrayList<>(List.of(person.fullName(), person.first()));
			if (person.last() != null) {
				names.add(person.last());
			}
			for (String name : names) {
				List<String> words = Tokens.words(name);
				boolean common = words.size() == 1 && NameIndex.COMMON_WORDS.contains(words.get(0));
				sought.add(new Sought(person.fullName() + ": name \"" + name + "\"", " " + String.join(" ", words) + " ",
						common, "name"));
			}
			if (person.login() != null) {
				sought.add(new Sought(person.fullName() + ": mention @" + person.login(), "@" + Folding.fold(person.login()),
						false, "mention"));
			}
			if (person.email() != null) {
				sought.add(new Sought(person.fullName() + ": e-mail " + person.email(), Folding.fold(person.email()), false,
						"text"));
			}
			if (person.phone() != null) {
				String national = Pseudonyms.phoneKey(person.phone());
				sought.add(new Sought(person.fullName() + ": phone " + person.phone(), national, false, "digits"));
				sought.add(new Sought(person.fullName() + ": phone " + person.phone(), "+33" + national.substring(1), false,
						"digits"));
			}
		}
	}

	/** A scan for these people's identities. */
	public static IdentityScan of(Collection<Person> people) {
		return new IdentityScan(people);
	}

	/**
	 * @return each piece found, as "full name: what", empty when none is left
	 */
	public List<String> leaks(String output) {
		StringBuilder joined = new StringBuilder(" ");
		Set<String> capitalised = new HashSet<>();
		for (Token token : Tokens.of(output)) {
			joined.append(token.folded()).append(' ');
			if (Character.isUpperCase(output.codePointAt(token.start()))) {
				capitalised.add(" " + token.folded() + " ");
			}
		}
		String words = joined.toString();
		String folded = Folding.fold(output);
		String digits = output.replaceAll("[^0-9+]", "");
		List<String> found = new ArrayList<>();
		for (Sought each : sought) {
			boolean left = switch (each.kind()) {
				case "name" -> each.commonWord() ? capitalised.contains(each.words()) : words.contains(each.words());
				case "mention" -> mentioned(folded, each.words());
				case "digits" -> digits.contains(each.words());
				default -> folded.contains(each.words());
			};
			if (left && !found.contains(each.what())) {
				found.add(each.what());
			}
		}
		return found;
	}

	/** Whether the text holds the mention as a whole login, not the start of a longer one. */
	private static boolean mentioned(String text, String mention) {
		for (int at = text.indexOf(mention); at >= 0; at = text.indexOf(mention, at + 1)) {
			int after = at + mention.length();
			if (after == text.length() || !(Character.isLetterOrDigit(text.charAt(after)) || text.charAt(after) == '_')) {
				return true;
			}
		}
		return false;
	}

}
