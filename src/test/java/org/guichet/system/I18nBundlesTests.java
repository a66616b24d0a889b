package org.guichet.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text comes from the message bundles, in French and English alike: the bundles
 * of each base name hold the same keys, and no template holds text of its own outside an
 * element whose content Thymeleaf replaces.
 */
class I18nBundlesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TAG = Pattern.compile("<!--.*?-->|<!DOCTYPE[^>]*>"
			+ "|<(/?)([a-zA-Z][\\w:.-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*)\\s*(/?)>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	/** Attributes that make Thymeleaf replace the element's content, or the element itself. */
	private static final Pattern REPLACED = Pattern.compile("(^|\\s)th:(text|utext|replace|insert|errors)\\s*=");

	private static final Pattern TEXT_ATTRIBUTE = Pattern
		.compile("(?<![\\w:-])(placeholder|title|alt|aria-label)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final String KEY = "\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"";

	/** Where the code names a message key: a refusal (field first or not), a form error, a flash, a message read. */
	private static final List<Pattern> KEY_USES = List.of(
			Pattern.compile("\\b\\w*Exception\\(\\s*(?:\"[^\"]*\"|null|[\\w.()\\[\\]]+)\\s*,\\s*" + KEY),
			Pattern.compile("\\b(?:Conflict|NotFound|Forbidden)Exception\\(\\s*" + KEY),
			Pattern.compile("\\.reject\\(\\s*" + KEY), Pattern.compile("rejectValue\\(\\s*\"[^\"]*\"\\s*,\\s*" + KEY),
			Pattern.compile("\"flash\",\\s*" + KEY), Pattern.compile("getMessage\\(\\s*" + KEY));

	private static final String PLACEHOLDER = "\\{(\\d)(?:,[^{}]*)?}";

	private static final String UNIT = "(?:characters|days|hours|minutes|seconds|MB|KB)\\b";

	/** Wordings that make a placeholder an amount: a bound, an amount of a unit, a range of whole numbers. */
	private static final List<Pattern> AMOUNTS = List.of(
			Pattern.compile("(?:at most|at least|under|longer than|larger than|shorter than|more than|fewer than"
					+ "|up to|the first|the last|the oldest|the newest)\\s+" + PLACEHOLDER, Pattern.CASE_INSENSITIVE),
			Pattern.compile(PLACEHOLDER + "(?:\\s*\\([^)]*\\))?\\s+to\\s+" + PLACEHOLDER + "\\s+" + UNIT),
			Pattern.compile(PLACEHOLDER + "\\s+" + UNIT),
			Pattern.compile("number (?:from|between)\\s+" + PLACEHOLDER + "\\s+(?:to|and)\\s+" + PLACEHOLDER));

	/** Amounts the code gives as text it has already written in the reader's way (a file's size, a remaining count). */
	private static final Set<String> TEXT_AMOUNTS = Set.of("size.kb:0", "size.mb:0", "attachment.too-large.browser:0",
			"form.chars-left:0", "about.resources.heap.value:2");

	private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
			"input", "link", "meta", "source", "track", "wbr");

	@Test
	void frenchAndEnglishBundlesHoldTheSameKeys() throws IOException {
		Map<String, List<String>> differences = new TreeMap<>();
		for (Path english : englishBundles()) {
			String base = english.getFileName().toString().replace(".properties", "");
			Path french = frenchOf(english);
			assertThat(french).as("French bundle of %s", base).exists();
			Set<String> englishKeys = keys(english);
			Set<String> frenchKeys = keys(french);
			List<String> missing = new ArrayList<>();
			englishKeys.stream().filter(k -> !frenchKeys.contains(k)).forEach(k -> missing.add("fr lacks " + k));
			frenchKeys.stream().filter(k -> !englishKeys.contains(k)).forEach(k -> missing.add("en lacks " + k));
			if (!missing.isEmpty()) {
				differences.put(base, missing);
			}
		}
		assertThat(differences).isEmpty();
	}

	private static List<Path> englishBundles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.filter(f -> f.toString().endsWith(".properties"))
				.filter(f -> !f.getFileName().toString().contains("_"))
				.toList();
		}
	}

	private static Path frenchOf(Path english) {
		return BUNDLES.resolve(english.getFileName().toString().replace(".properties", "_fr.properties"));
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		Map<String, List<String>> offences = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				List<String> found = hardCodedTexts(Files.readString(template));
				if (!found.isEmpty()) {
					offences.put(TEMPLATES.relativize(template).toString(), found);
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void theTemplateCheckFindsTextOutsideReplacedElements() {
		assertThat(hardCodedTexts("<p>Hello <b th:text=\"#{x}\">sample</b></p>")).containsExactly("Hello");
		assertThat(hardCodedTexts("<input placeholder=\"Search\">")).containsExactly("placeholder=\"Search\"");
		assertThat(hardCodedTexts("<div th:text=\"#{x}\">Sample <span>kept</span></div><br> · ")).isEmpty();
		assertThat(hardCodedTexts("<a th:if=\"${a > b}\" th:replace=\"~{x}\">Link</a><!-- note -->")).isEmpty();
	}

	/**
	 * The texts of a template that no message replaces: text nodes with a letter outside any
	 * element carrying th:text, th:utext, th:replace, th:insert or th:errors, and plain placeholder, title,
	 * alt and aria-label attributes.
	 */
	static List<String> hardCodedTexts(String html) {
		List<String> found = new ArrayList<>();
		Deque<Element> open = new ArrayDeque<>();
		Matcher tag = TAG.matcher(html);
		int textStart = 0;
		while (tag.find()) {
			checkText(html.substring(textStart, tag.start()), open, found);
			textStart = tag.end();
			String name = tag.group(2);
			if (name == null) {
				continue;
			}
			name = name.toLowerCase();
			if (!tag.group(1).isEmpty()) {
				while (!open.isEmpty() && !open.pop().name().equals(name)) {
					// an element left open closes with its parent
				}
				continue;
			}
			String attributes = tag.group(3);
			checkAttributes(attributes, found);
			boolean selfClosing = !tag.group(4).isEmpty() || VOID_ELEMENTS.contains(name);
			if (!selfClosing) {
				boolean replaced = REPLACED.matcher(attributes).find() || name.equals("script") || name.equals("style");
				open.push(new Element(name, replaced));
			}
		}
		checkText(html.substring(textStart), open, found);
		return found;
	}

	private static void checkText(String text, Deque<Element> open, List<String> found) {
		if (open.stream().anyMatch(Element::replaced)) {
			return;
		}
		String visible = text.replaceAll("&#?\\w+;", " ").replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", " ").strip();
		if (visible.codePoints().anyMatch(Character::isLetter)) {
			found.add(visible);
		}
	}

	private static void checkAttributes(String attributes, List<String> found) {
		Matcher attribute = TEXT_ATTRIBUTE.matcher(attributes);
		while (attribute.find()) {
			boolean localised = attributes.contains("th:" + attribute.group(1) + "=");
			if (!localised && attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
				found.add(attribute.group());
			}
		}
	}

	/**
	 * A refusal, a flash message or a form error the code names by a literal key reads in both
	 * languages: the key is in an English and a French bundle. Otherwise a French person reads the
	 * English text the code carries for logs (a refusal's default message), or the key itself.
	 */
	@Test
	void everyMessageKeyTheCodeNamesIsInBothLanguages() throws IOException {
		Set<String> english = allKeys(false);
		Set<String> french = allKeys(true);
		Map<String, Set<String>> missing = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				for (String key : keysNamedIn(Files.readString(source))) {
					if (!english.contains(key) || !french.contains(key)) {
						missing.computeIfAbsent(key, k -> new TreeSet<>()).add(source.getFileName().toString());
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void theKeyCheckFindsTheKeysOfRefusalsFlashesAndFormErrors() {
		assertThat(keysNamedIn("""
				throw new InvalidInputException("title", "ticket.title.required", "Give a title");
				throw new ConflictException("password.inactive", "Deactivated");
				new InvalidInputException(field, "field.too-long", "Too long", max);
				result.reject("admin.conflict");
				result.rejectValue("title", "ticket.title.too-long");
				redirect.addFlashAttribute("flash", "admin.flash.saved");
				messages.getMessage("ticket.concurrent", null, locale);
				throw new InvalidInputException("issuerUri", "sso.issuer.discovery." + reason, "Dynamic");
				""")).containsExactlyInAnyOrder("ticket.title.required", "password.inactive", "field.too-long",
						"admin.conflict", "ticket.title.too-long", "admin.flash.saved", "ticket.concurrent");
	}

	/** The message keys {@code java} names as literals: of refusals, flashes, form errors and messages read. */
	static List<String> keysNamedIn(String java) {
		List<String> keys = new ArrayList<>();
		for (Pattern use : KEY_USES) {
			Matcher key = use.matcher(java);
			while (key.find()) {
				keys.add(key.group(1));
			}
		}
		return keys;
	}

	/** Every key of the English bundles, or of the French ones. */
	private static Set<String> allKeys(boolean french) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith(".properties"))
				.filter(f -> f.getFileName().toString().endsWith("_fr.properties") == french)
				.toList()) {
				keys.addAll(keys(bundle));
			}
		}
		return keys;
	}

	/**
	 * MessageFormat reads an ASCII apostrophe as a quote, and Spring applies it only to messages
	 * with arguments: the same text would render differently. Typographic apostrophes (’) avoid
	 * the trap.
	 */
	@Test
	void messagesUseTypographicApostrophes() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				Properties properties = load(bundle);
				properties.stringPropertyNames()
					.stream()
					.filter(key -> properties.getProperty(key).contains("'"))
					.forEach(key -> found.add(bundle.getFileName() + ": " + key));
			}
		}
		assertThat(found).isEmpty();
	}

	/**
	 * A number argument is written as the locale groups it ({@code 3 243} in French): a port, after
	 * {@code host:} or the word "port", is written as one block of digits instead.
	 */
	@Test
	void portsAreWrittenWithoutGrouping() throws IOException {
		Pattern port = Pattern.compile("(?i)(?:\\bport\\s+|[\\w}\\]]:)\\{\\d+\\}");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				Properties properties = load(bundle);
				properties.stringPropertyNames()
					.stream()
					.filter(key -> port.matcher(properties.getProperty(key)).find())
					.forEach(key -> found.add(bundle.getFileName() + ": " + key));
			}
		}
		assertThat(found).isEmpty();
	}

	/** English quotes in English: the French guillemets belong to the French bundles. */
	@Test
	void englishMessagesUseEnglishQuotes() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith(".properties") && !f.toString().endsWith("_fr.properties"))
				.toList()) {
				Properties properties = load(bundle);
				properties.stringPropertyNames()
					.stream()
					.filter(key -> properties.getProperty(key).matches("(?s).*[«»].*"))
					.forEach(key -> found.add(bundle.getFileName() + ": " + key));
			}
		}
		assertThat(found).isEmpty();
	}

	/**
	 * French typography: a space (a no-break one, or the plain space the bundles mostly use) before
	 * a colon, never "Commentaire: …". Header names and prefixes quoted as they are typed
	 * ({@code Authorization: Bearer}, {@code Re:}) and addresses are not prose.
	 */
	@Test
	void frenchMessagesPutASpaceBeforeAColon() throws IOException {
		Pattern glued = Pattern.compile("[\\p{L}\\p{N}»)}’]:(?=\\s|$)");
		assertThat(frenchMessagesWhere(value -> glued
			.matcher(value.replace("Authorization: Bearer", "").replace("Re:", "").replaceAll("https?://\\S*", ""))
			.find())).isEmpty();
	}

	/**
	 * French messages speak to the reader without assuming their gender: "votre avis est demandé",
	 * not "vous êtes sollicité".
	 */
	@Test
	void frenchMessagesAddressTheReaderWithoutAssumingTheirGender() throws IOException {
		Pattern participle = Pattern.compile("(?i)\\bvous (?:êtes|étiez|serez|seriez|avez été) \\p{L}+(?:é|ti)\\b");
		assertThat(frenchMessagesWhere(value -> participle.matcher(value).find())).isEmpty();
	}

	/** The French messages whose text holds that, as "bundle: key". */
	private static List<String> frenchMessagesWhere(java.util.function.Predicate<String> holds) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith("_fr.properties")).toList()) {
				Properties properties = load(bundle);
				properties.stringPropertyNames()
					.stream()
					.filter(key -> holds.test(properties.getProperty(key)))
					.forEach(key -> found.add(bundle.getFileName() + ": " + key));
			}
		}
		return found;
	}

	/**
	 * A plain placeholder prints a whole number ungrouped (ADR 024): right for ids, wrong for a
	 * bound or an amount, which must ask for the locale's grouping ("at most 10,000 characters",
	 * "10 000" in French). A placeholder is an amount where the English wording makes it one: after
	 * "at most", "at least", "longer than"…, before a unit ("characters", "days", "MB"…), or in a
	 * range of whole numbers. Its English and French messages then give it a number format.
	 */
	@Test
	void everyBoundOrAmountInAMessageIsPrintedAsANumber() throws IOException {
		Map<String, List<String>> plain = new TreeMap<>();
		for (Path english : englishBundles()) {
			Properties englishMessages = load(english);
			Properties frenchMessages = load(frenchOf(english));
			for (String key : englishMessages.stringPropertyNames()) {
				for (int index : amounts(englishMessages.getProperty(key))) {
					if (TEXT_AMOUNTS.contains(key + ":" + index)) {
						continue;
					}
					for (String message : new String[] { englishMessages.getProperty(key),
							frenchMessages.getProperty(key, "") }) {
						if (!numberFormatted(message, index)) {
							plain.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
						}
					}
				}
			}
		}
		assertThat(plain).isEmpty();
	}

	@Test
	void theAmountCheckFindsBoundsUnitsAndRangesButNotIds() {
		assertThat(amounts("At most {0} characters.")).containsExactly(0);
		assertThat(amounts("Ticket {0} was changed, version {1}.")).isEmpty();
		assertThat(amounts("The file is larger than {0} MB.")).containsExactly(0);
		assertThat(amounts("Read the mailbox every {0} to {1} seconds.")).containsExactlyInAnyOrder(0, 1);
		assertThat(amounts("Type a whole number from {0} to {1}.")).containsExactlyInAnyOrder(0, 1);
		assertThat(amounts("From {0} to {1}")).isEmpty();
		assertThat(amounts("{0,choice,1#1 day|1<{0} days}")).isEmpty();
		assertThat(numberFormatted("Tick at most {0,number,integer} options, ticket {1}.", 0)).isTrue();
		assertThat(numberFormatted("Tick at most {0,number,integer} options, ticket {1}.", 1)).isFalse();
	}

	/** The indexes of the top-level placeholders of {@code message} its wording makes amounts. */
	static Set<Integer> amounts(String message) {
		String outer = topLevel(message);
		Set<Integer> found = new TreeSet<>();
		for (Pattern amount : AMOUNTS) {
			Matcher matcher = amount.matcher(outer);
			while (matcher.find()) {
				for (int group = 1; group <= matcher.groupCount(); group++) {
					if (matcher.group(group) != null) {
						found.add(Integer.parseInt(matcher.group(group)));
					}
				}
			}
		}
		return found;
	}

	private static boolean numberFormatted(String message, int index) {
		Matcher placeholder = Pattern.compile("\\{" + index + "(,[^{}]*)?}").matcher(topLevel(message));
		boolean seen = false;
		while (placeholder.find()) {
			seen = true;
			if (placeholder.group(1) == null || !placeholder.group(1).startsWith(",number")) {
				return false;
			}
		}
		return seen;
	}

	/** {@code message} without the sub-messages of its choice formats, which MessageFormat groups itself. */
	private static String topLevel(String message) {
		StringBuilder outer = new StringBuilder();
		int depth = 0;
		for (char c : message.toCharArray()) {
			if (c == '{') {
				depth++;
			}
			if (depth <= 1) {
				outer.append(c);
			}
			if (c == '}') {
				depth--;
			}
		}
		return outer.toString();
	}

	private static Set<String> keys(Path bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private record Element(String name, boolean replaced) {
	}

}
