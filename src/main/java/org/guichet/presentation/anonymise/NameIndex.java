package org.guichet.presentation.anonymise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.guichet.presentation.anonymise.Finding.Kind;
import org.guichet.presentation.anonymise.Pseudonyms.Known;
import org.guichet.presentation.anonymise.Tokens.Token;
import org.jspecify.annotations.Nullable;

/**
 * Every way a text can name the people and the organisation, looked up word by word: full names
 * (either order, with an initial), first and last names alone, each part of a compound last name,
 * logins. A way shared by two people names the first one given.
 */
final class NameIndex {

	/**
	 * Words that are also frequent names. Written in lower case, such a word alone is taken as the
	 * word ("un petit souci", "écran blanc"), kept and listed; capitalised, it is taken as the name.
	 */
	static final Set<String> COMMON_WORDS = Set.of("petit", "petite", "blanc", "blanche", "noir", "roux", "brun",
			"grand", "legrand", "fontaine", "bonnet", "noel", "lebrun", "marchand", "boulanger", "meunier", "berger",
			"charpentier", "maitre", "page", "picard", "colin", "robin", "rose", "white", "black", "brown", "green", "young", "will", "may", "mark",
			"bill", "hope", "grace", "baker", "cook", "long", "king", "hunter", "rich", "admin", "manager", "support",
			"test", "user", "guest", "root", "service", "demo");

	/** Particles of a last name that are not names by themselves (de La Fontaine, van der Berg). */
	private static final Set<String> PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "d", "l", "van", "von",
			"der", "den", "di", "da", "dos", "del", "el", "al", "ben", "bin", "mac", "st", "saint", "sainte");

	private record Variant(List<String> words, @Nullable Known person, boolean firstName) {
	}

	private final Map<String, List<Variant>> byFirstWord = new HashMap<>();

	void addPerson(Known known) {
		Person person = known.person();
		String first = person.first();
		String last = person.last();
		add(person.fullName(), known, false);
		add(first, known, true);
		if (last != null) {
			add(first + " " + last, known, false);
			add(last + " " + first, known, false);
			add(first.charAt(0) + ". " + last, known, false);
			add(last, known, false);
			List<String> parts = Tokens.words(last);
			if (parts.size() > 1) {
				for (String part : parts) {
					if (!PARTICLES.contains(part)) {
						add(part, known, false);
					}
				}
			}
		}
		if (person.login() != null && !person.login().isBlank()) {
			add(person.login(), known, false);
		}
	}

	void addOrganisation(String name) {
		add(name, null, false);
	}

	private void add(String name, @Nullable Known person, boolean firstName) {
		List<String> words = Tokens.words(name);
		// letters alone, or a number alone, are no name: they would replace every "a" or "12" of the text
		if (words.stream().allMatch(word -> word.length() < 2)
				|| (words.size() == 1 && words.get(0).chars().noneMatch(Character::isLetter))) {
			return;
		}
		List<Variant> variants = byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>());
		for (Variant variant : variants) {
			if (variant.words().equals(words)) {
				return;
			}
		}
		variants.add(new Variant(words, person, firstName));
		variants.sort(Comparator.comparingInt((Variant v) -> -v.words().size()));
	}

	/**
	 * The names written in the text, longest first where two start at the same word.
	 *
	 * @param commonWords told each name kept because it is written in lower case and is a common word
	 */
	List<Finding> find(String text, List<Token> tokens, Consumer<Token> commonWords) {
		List<Finding> found = new ArrayList<>();
		for (int i = 0; i < tokens.size();) {
			Variant match = longestAt(text, tokens, i);
			if (match == null) {
				i++;
				continue;
			}
			int last = i + match.words().size() - 1;
			Token word = tokens.get(i);
			if (match.words().size() == 1 && COMMON_WORDS.contains(word.folded())
					&& text.substring(word.start(), word.end()).equals(text.substring(word.start(), word.end()).toLowerCase())) {
				commonWords.accept(word);
			}
			else {
				found.add(new Finding(word.start(), tokens.get(last).end(),
						match.person() == null ? Kind.ORGANISATION : Kind.NAME, match.person(), match.firstName()));
			}
			i = last + 1;
		}
		return found;
	}

	private @Nullable Variant longestAt(String text, List<Token> tokens, int i) {
		List<Variant> variants = byFirstWord.get(tokens.get(i).folded());
		if (variants == null) {
			return null;
		}
		for (Variant variant : variants) {
			List<String> words = variant.words();
			if (i + words.size() > tokens.size()) {
				continue;
			}
			boolean matches = true;
			for (int k = 1; k < words.size() && matches; k++) {
				Token previous = tokens.get(i + k - 1);
				Token next = tokens.get(i + k);
				matches = next.folded().equals(words.get(k))
						&& Tokens.joinsName(text.substring(previous.end(), next.start()));
			}
			if (matches) {
				return variant;
			}
		}
		return null;
	}

}
