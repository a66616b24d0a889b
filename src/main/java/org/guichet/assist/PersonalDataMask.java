package org.guichet.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Replaces personal data in the texts sent to a language model by placeholders, and puts them
 * back in its answer. Masked: the full names, the names' parts of three letters or more, the
 * logins, e-mail addresses and phone numbers of the people given (the directory's entries of the
 * ticket's people and of the IT team), then any other e-mail address and any phone number written
 * as {@code +33 6 12 34 56 78} or {@code 06 12 34 56 78} (so an IP address or a ticket number is
 * left alone). Placeholders read {@code [PERSON 1]}, {@code [EMAIL 1]}, {@code [PHONE 1]}: the same
 * value always gets the same one within a mask, and a name's part gets its person's. Not thread-safe:
 * one mask per request.
 */
public final class PersonalDataMask {

	/**
	 * A person of the directory whose data is masked.
	 *
	 * @param fullName as the directory holds it
	 * @param login the user name, or null
	 * @param email or null
	 * @param phone as typed in the directory (any separators), or null
	 */
	public record Person(String fullName, @Nullable String login, @Nullable String email, @Nullable String phone) {
	}

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");

	/** International numbers, or national ones starting with 0 in groups of two (as in France). */
	private static final Pattern PHONE = Pattern
		.compile("(?<![\\w.])(?:\\+\\d{1,3}[ .-]?(?:\\(0\\)[ .-]?)?\\d(?:[ .-]?\\d){6,12}|0\\d(?:[ .-]?\\d{2}){4})(?![\\w.]*\\d)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\[(PERSON|EMAIL|PHONE) (\\d+)\\]");

	private final List<Person> people;

	/** Placeholder → the value shown when it comes back. */
	private final Map<String, String> originals = new LinkedHashMap<>();

	/** Lower-cased value → its placeholder. */
	private final Map<String, String> placeholders = new LinkedHashMap<>();

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	/** @param people the directory's people whose names, logins, e-mails and phones are masked */
	public PersonalDataMask(List<Person> people) {
		this.people = List.copyOf(people);
	}

	/** The text with every piece of personal data replaced by its placeholder; null gives "". */
	public String mask(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String masked = replace(text, EMAIL, "EMAIL", null);
		for (Person person : people) {
			if (person.phone() != null && digits(person.phone()).length() >= 6) {
				masked = replace(masked, phonePattern(person.phone()), "PHONE", person.phone());
			}
		}
		masked = replace(masked, PHONE, "PHONE", null);
		List<String[]> names = new ArrayList<>();
		for (Person person : people) {
			names.add(new String[] { person.fullName(), person.fullName() });
			if (person.login() != null && person.login().length() >= 3) {
				names.add(new String[] { person.login(), person.fullName() });
			}
			for (String part : person.fullName().split("[\\s-]+")) {
				if (part.codePointCount(0, part.length()) >= 3) {
					names.add(new String[] { part, person.fullName() });
				}
			}
		}
		// the longest first, so that a full name is one placeholder, not one per part
		names.sort(Comparator.comparingInt((String[] n) -> n[0].length()).reversed());
		for (String[] name : names) {
			Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name[0]) + "(?![\\p{L}\\p{N}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			masked = replace(masked, word, "PERSON", name[1]);
		}
		return masked;
	}

	/**
	 * The answer with the placeholders this mask gave put back: a person's full name, the e-mail
	 * or phone as it was written. A placeholder the mask never gave is left as it is.
	 */
	public String unmask(String answer) {
		Matcher matcher = PLACEHOLDER.matcher(answer);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String original = originals.get(matcher.group());
			matcher.appendReplacement(out, Matcher.quoteReplacement(original == null ? matcher.group() : original));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** How many distinct values were masked so far. */
	public int maskedCount() {
		return originals.size();
	}

	private String replace(String text, Pattern pattern, String kind, @Nullable String shown) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = shown == null ? matcher.group() : shown;
			String key = kind + ":" + (kind.equals("PHONE") ? digits(value) : value.toLowerCase(Locale.ROOT));
			String placeholder = placeholders.computeIfAbsent(key, k -> {
				int n = counts.merge(kind, 1, Integer::sum);
				String p = "[" + kind + " " + n + "]";
				originals.put(p, value);
				return p;
			});
			matcher.appendReplacement(out, Matcher.quoteReplacement(placeholder));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The phone's digits with any separators between them, a leading + optional. */
	private static Pattern phonePattern(String phone) {
		String digits = digits(phone);
		StringBuilder regex = new StringBuilder("(?<![\\d+])\\+?");
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0) {
				regex.append("[ .()-]{0,2}");
			}
			regex.append(digits.charAt(i));
		}
		return Pattern.compile(regex.append("(?!\\d)").toString());
	}

	private static String digits(String value) {
		return value.replaceAll("\\D", "");
	}

}
