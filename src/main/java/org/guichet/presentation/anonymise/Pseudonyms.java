package org.guichet.presentation.anonymise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.presentation.anonymise.Finding.Kind;
import org.guichet.presentation.anonymise.Suspect.Reason;
import org.guichet.presentation.anonymise.Tokens.Token;
import org.guichet.text.Folding;
import org.jspecify.annotations.Nullable;

/**
 * The pseudonyms of one dossier or one presentation pack: each person always gets the same one
 * ("Demandeur A", "Technicien 1", "Personne A"), in structured fields ({@link #person}), free
 * text ({@link #text}) and file names ({@link #fileName}), and what may still identify someone is
 * listed ({@link #unrecognised}). The rules are in docs/PRESENTING.md, section "Anonymisation".
 * <p>
 * Requesters and technicians are named in the order given when it is built; the others when
 * first met, so the same calls in the same order give the same pseudonyms. Not thread-safe: one
 * instance per dossier or pack, used by one thread.
 */
public final class Pseudonyms {

	/** The domain of every replaced e-mail address and host name (RFC 2606: never a real one). */
	public static final String DOMAIN = "example.invalid";

	private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:M\\.|MM\\.|Mme|Mmes|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?"
			+ "|Dr\\.?|Pr\\.?|Madame|Monsieur|Mademoiselle|Docteur|Professeur|Maître|Miss|Sir)[ \\u00A0]+"
			+ "(\\p{Lu}[\\p{L}'’-]*(?:[ \\u00A0]\\p{Lu}[\\p{L}'’-]*)?)");

	private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d(?:[ .-]?\\d){8,}(?!\\p{N})");

	private static final int EXCERPT = 30;

	/** A person and, once named, their pseudonym. */
	static final class Known {

		private final Person person;

		private @Nullable String pseudonym;

		Known(Person person) {
			this.person = person;
		}

		Person person() {
			return person;
		}

	}

	private final Words words;

	private final Map<Long, Known> byId = new LinkedHashMap<>();

	private final Map<String, Known> byLogin = new HashMap<>();

	private final Map<String, Known> byEmail = new HashMap<>();

	private final Map<String, Known> byPhone = new HashMap<>();

	private final NameIndex names = new NameIndex();

	private final @Nullable String organisation;

	private int requesters;

	private int technicians;

	private int others;

	private final Map<String, String> unknownMentions = new HashMap<>();

	private final Map<String, String> emails = new HashMap<>();

	private final Map<String, String> phones = new HashMap<>();

	private final Map<String, String> ipv4 = new HashMap<>();

	private final Map<String, String> ipv6 = new HashMap<>();

	private final Map<String, String> macs = new HashMap<>();

	private final Map<String, Integer> hosts = new HashMap<>();

	private final Map<String, Suspect> suspects = new LinkedHashMap<>();

	private Pseudonyms(Words words, List<Person> people, @Nullable String organisationName,
			@Nullable String organisationReplacement) {
		this.words = words;
		this.organisation = organisationReplacement;
		for (Person person : people) {
			Known known = new Known(person);
			byId.put(person.id(), known);
			if (person.login() != null && !person.login().isBlank()) {
				byLogin.putIfAbsent(Folding.fold(person.login().strip()), known);
			}
			if (person.email() != null && !person.email().isBlank()) {
				byEmail.putIfAbsent(person.email().strip().toLowerCase(Locale.ROOT), known);
			}
			if (person.phone() != null && person.phone().chars().filter(Character::isDigit).count() >= 6) {
				byPhone.putIfAbsent(phoneKey(person.phone()), known);
			}
			names.addPerson(known);
			if (person.role() != Person.Role.OTHER) {
				pseudonym(known);
			}
		}
		if (organisationName != null) {
			names.addOrganisation(organisationName);
		}
	}

	/**
	 * @param words the pseudonyms' words, in the dossier's language
	 * @return a builder to give the people to (in the order their pseudonyms are to follow) and
	 *     the organisation
	 */
	public static Builder builder(Words words) {
		return new Builder(words);
	}

	/**
	 * A person's pseudonym, e.g. "Demandeur A", for structured fields (requester, assignee, author
	 * of a reply, chart labels).
	 *
	 * @param id a user id among the people given
	 * @throws IllegalArgumentException for an id that was not given
	 */
	public String person(long id) {
		return pseudonym(known(id));
	}

	/**
	 * The address that stands for a person's e-mail address, e.g. {@code demandeur-a@example.invalid}.
	 *
	 * @param id a user id among the people given
	 * @throws IllegalArgumentException for an id that was not given
	 */
	public String email(long id) {
		return slug(person(id)) + "@" + DOMAIN;
	}

	/**
	 * The text with every person, e-mail address, phone number, IP and MAC address, host name and
	 * the organisation's name replaced; Markdown stays Markdown (a replacement inside a link's
	 * address is a single word, e.g. {@code demandeur-a}). What may still identify someone is
	 * added to {@link #unrecognised}.
	 *
	 * @param text any text, typically Markdown as typed; null gives an empty string
	 * @return the anonymised text, never null
	 */
	public String text(@Nullable String text) {
		return text == null ? "" : anonymise(text, false);
	}

	/**
	 * A file name anonymised like a text, its replacements as single words (no spaces), its
	 * extension kept: {@code capture-alice-dupont.png → capture-demandeur-a.png}.
	 *
	 * @param fileName a file name, without folders
	 * @return the anonymised name, never null
	 */
	public String fileName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot > 0 && fileName.length() - dot <= 11 && fileName.substring(dot + 1).matches("[A-Za-z0-9]+")) {
			return anonymise(fileName.substring(0, dot), true) + fileName.substring(dot);
		}
		return anonymise(fileName, true);
	}

	/**
	 * What the texts and file names given so far left as written that may still identify someone,
	 * for the author to check before exporting: each piece once, in the order met. The heuristics
	 * (docs/PRESENTING.md) find likely cases, not all of them.
	 *
	 * @return an unmodifiable copy, never null
	 */
	public List<Suspect> unrecognised() {
		return List.copyOf(suspects.values());
	}

	private Known known(long id) {
		Known known = byId.get(id);
		if (known == null) {
			throw new IllegalArgumentException("person " + id + ": not among the people of these pseudonyms");
		}
		return known;
	}

	private String pseudonym(Known known) {
		if (known.pseudonym == null) {
			known.pseudonym = switch (known.person.role()) {
				case REQUESTER -> Words.fill(words.requester(), letters(requesters++));
				case TECHNICIAN -> Words.fill(words.technician(), Integer.toString(++technicians));
				case OTHER -> nextOther();
			};
		}
		return known.pseudonym;
	}

	private String nextOther() {
		return Words.fill(words.other(), letters(others++));
	}

	/** A, B… Z, AA, AB… */
	static String letters(int index) {
		String mark = "";
		for (int n = index; n >= 0; n = n / 26 - 1) {
			mark = (char) ('A' + n % 26) + mark;
		}
		return mark;
	}

	/** The replacement as a single word, for an address or a file name: "Demandeur A" → "demandeur-a". */
	static String slug(String text) {
		String slug = Folding.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "x" : slug;
	}

	/** The digits that identify a phone number: a French one in its national form (0XXXXXXXXX), another one as +digits. */
	static String phoneKey(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		boolean international = phone.strip().startsWith("+") || digits.startsWith("00");
		if (digits.startsWith("00")) {
			digits = digits.substring(2);
		}
		if (international && digits.startsWith("33")) {
			String national = digits.substring(2);
			return national.length() == 10 && national.startsWith("0") ? national : "0" + national;
		}
		return international ? "+" + digits : digits;
	}

	private String anonymise(String text, boolean singleWords) {
		List<Token> tokens = Tokens.of(text);
		List<Finding> found = new ArrayList<>(Detectors.find(text));
		List<Token> commonWords = new ArrayList<>();
		found.addAll(names.find(text, tokens, commonWords::add));
		found.sort(Comparator.comparingInt(Finding::start)
			.thenComparing(Comparator.comparingInt(Finding::length).reversed())
			.thenComparing(Finding::kind));
		List<int[]> addresses = singleWords ? List.of(new int[] { 0, text.length() }) : Detectors.addresses(text);
		List<Finding> chosen = new ArrayList<>();
		List<Integer> outputEnds = new ArrayList<>();
		StringBuilder out = new StringBuilder(text.length() + 32);
		int end = 0;
		for (Finding finding : found) {
			if (finding.start() < end) {
				continue;
			}
			out.append(text, end, finding.start());
			boolean address = inside(addresses, finding.start());
			String replacement = replacement(text, finding);
			if (address && (finding.kind() == Kind.NAME || finding.kind() == Kind.ORGANISATION
					|| finding.kind() == Kind.MENTION || finding.kind() == Kind.PHONE)) {
				replacement = slug(replacement);
			}
			else if (finding.kind() == Kind.NAME && !address) {
				elide(text, finding.start(), end, out, replacement);
			}
			out.append(replacement);
			chosen.add(finding);
			outputEnds.add(out.length());
			end = finding.end();
		}
		out.append(text, end, text.length());
		String result = out.toString();
		for (Token word : commonWords) {
			suspect(text.substring(word.start(), word.end()), Reason.COMMON_WORD,
					excerpt(result, chosen, outputEnds, word.start(), word.end()));
		}
		listSuspects(text, tokens, chosen, outputEnds, result);
		return result;
	}

	/**
	 * French elision before a name, which a pseudonym beginning with a consonant undoes:
	 * "d’Alice" → "de Demandeur A", "qu’Alice" → "que Demandeur A".
	 */
	private static void elide(String text, int start, int previousEnd, StringBuilder out, String replacement) {
		if (start < 2 || "'’".indexOf(text.charAt(start - 1)) < 0 || "aeiouyh".indexOf(Folding.fold(replacement).charAt(0)) >= 0) {
			return;
		}
		for (String article : new String[] { "d", "qu" }) {
			int from = start - 1 - article.length();
			if (from >= previousEnd && text.regionMatches(true, from, article, 0, article.length())
					&& (from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1)))) {
				String written = text.substring(from, start - 1);
				out.setLength(out.length() - article.length() - 1);
				out.append(written).append("e ");
				return;
			}
		}
	}

	private String replacement(String text, Finding finding) {
		String written = text.substring(finding.start(), finding.end());
		return switch (finding.kind()) {
			case NAME -> pseudonym(finding.person());
			case ORGANISATION -> organisation == null ? written : organisation;
			case MENTION -> {
				Known known = byLogin.get(Folding.fold(written.substring(1)));
				yield known != null ? pseudonym(known)
						: unknownMentions.computeIfAbsent(Folding.fold(written.substring(1)), login -> nextOther());
			}
			case EMAIL -> {
				Known known = byEmail.get(written.toLowerCase(Locale.ROOT));
				yield known != null ? slug(pseudonym(known)) + "@" + DOMAIN
						: emails.computeIfAbsent(written.toLowerCase(Locale.ROOT), e -> "contact-" + (emails.size() + 1) + "@" + DOMAIN);
			}
			case PHONE -> {
				String key = phoneKey(written);
				Known known = byPhone.get(key);
				yield known != null ? Words.fill(words.phoneOf(), pseudonym(known))
						: phones.computeIfAbsent(key, k -> Words.fill(words.phone(), Integer.toString(phones.size() + 1)));
			}
			case IPV4 -> ipv4.computeIfAbsent(written, a -> documentationIpv4(ipv4.size()));
			case IPV6 -> ipv6.computeIfAbsent(written.toLowerCase(Locale.ROOT), a -> "2001:db8::" + Integer.toHexString(ipv6.size() + 1));
			case MAC -> macs.computeIfAbsent(written.toLowerCase(Locale.ROOT).replace('-', ':'),
					a -> String.format(Locale.ROOT, "00:00:5e:00:53:%02x", (macs.size() + 1) % 256));
			case HOST -> host(Folding.fold(written), number -> Words.fill(words.host(), number));
			case FQDN -> {
				String first = written.substring(0, written.indexOf('.'));
				String key = Detectors.isHostLabel(first) ? Folding.fold(first) : Folding.fold(written);
				yield host(key, number -> Words.fill(words.host(), number) + "." + DOMAIN);
			}
		};
	}

	private String host(String key, Function<String, String> form) {
		return form.apply(Integer.toString(hosts.computeIfAbsent(key, k -> hosts.size() + 1)));
	}

	/** The documentation ranges of RFC 5737, one address after the other: 192.0.2.1, 192.0.2.2… */
	private static String documentationIpv4(int index) {
		return index < 254 ? "192.0.2." + (index + 1)
				: index < 508 ? "198.51.100." + (index - 253) : "203.0.113." + ((index - 508) % 254 + 1);
	}

	private static boolean inside(List<int[]> ranges, int position) {
		for (int[] range : ranges) {
			if (position >= range[0] && position < range[1]) {
				return true;
			}
		}
		return false;
	}

	private void listSuspects(String text, List<Token> tokens, List<Finding> chosen, List<Integer> outputEnds, String result) {
		Matcher titled = TITLED.matcher(text);
		while (titled.find()) {
			if (!covered(chosen, titled.start(1), titled.end(1))) {
				suspect(titled.group(1), Reason.AFTER_TITLE, excerpt(result, chosen, outputEnds, titled.start(1), titled.end(1)));
			}
		}
		for (Finding finding : chosen) {
			if (!finding.firstName()) {
				continue;
			}
			for (Token token : tokens) {
				if (token.start() >= finding.end()) {
					String between = text.substring(finding.end(), token.start());
					if (between.isBlank() && between.length() <= 2 && Character.isUpperCase(text.codePointAt(token.start()))
							&& !covered(chosen, token.start(), token.end())) {
						suspect(text.substring(token.start(), token.end()), Reason.AFTER_FIRST_NAME,
								excerpt(result, chosen, outputEnds, token.start(), token.end()));
					}
					break;
				}
			}
		}
		Matcher number = LONG_NUMBER.matcher(text);
		while (number.find()) {
			if (!covered(chosen, number.start(), number.end())) {
				suspect(number.group(), Reason.LONG_NUMBER, excerpt(result, chosen, outputEnds, number.start(), number.end()));
			}
		}
	}

	private void suspect(String written, Reason reason, String excerpt) {
		suspects.putIfAbsent(reason + ":" + Folding.fold(written), new Suspect(written, reason, excerpt));
	}

	private static boolean covered(List<Finding> chosen, int start, int end) {
		for (Finding finding : chosen) {
			if (finding.start() < end && start < finding.end()) {
				return true;
			}
		}
		return false;
	}

	/** The anonymised text around a piece left as written, given where it is in the text as written. */
	private static String excerpt(String result, List<Finding> chosen, List<Integer> outputEnds, int start, int end) {
		int shift = 0;
		for (int i = 0; i < chosen.size() && chosen.get(i).end() <= start; i++) {
			shift = outputEnds.get(i) - chosen.get(i).end();
		}
		int from = Math.max(0, start + shift - EXCERPT);
		int to = Math.min(result.length(), end + shift + EXCERPT);
		return result.substring(from, to).replaceAll("\\s+", " ").strip();
	}

	/** Gathers the people and the organisation; {@link #build} makes the pseudonyms. */
	public static final class Builder {

		private final Words words;

		private final List<Person> people = new ArrayList<>();

		private final Map<Long, Person> ids = new HashMap<>();

		private @Nullable String organisationName;

		private @Nullable String organisationReplacement;

		private Builder(Words words) {
			this.words = words;
		}

		/**
		 * Adds a person; requesters and technicians are numbered in the order added, and a name
		 * or a login shared by two people stands for the first one added.
		 *
		 * @throws IllegalArgumentException for an id already added
		 */
		public Builder person(Person person) {
			if (ids.putIfAbsent(person.id(), person) != null) {
				throw new IllegalArgumentException("person " + person.id() + ": given twice");
			}
			people.add(person);
			return this;
		}

		/** {@link #person} for each, in order. */
		public Builder people(Collection<Person> persons) {
			persons.forEach(this::person);
			return this;
		}

		/**
		 * The organisation's name, replaced wherever written (any case, without accents, whole
		 * words) by the replacement.
		 *
		 * @param replacement plain text without Markdown syntax, e.g. "l’organisation"
		 * @throws IllegalArgumentException when either is blank
		 */
		public Builder organisation(String name, String replacement) {
			if (name.isBlank() || replacement.isBlank()) {
				throw new IllegalArgumentException("organisation: the name and its replacement must not be blank");
			}
			this.organisationName = name;
			this.organisationReplacement = replacement;
			return this;
		}

		public Pseudonyms build() {
			return new Pseudonyms(words, people, organisationName, organisationReplacement);
		}

	}

}
