package org.guichet.mail.templates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guichet.mail.MailKind;
import org.guichet.system.CacheGenerations;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.SharedCache;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of each kind of mail in each language: the mail bundle's ({@code mail.<key>.subject}
 * and {@code .lead}, their arguments named as {@link MailPlaceholders#BUNDLE_ARGUMENTS}), or the
 * administrators' override of them (table {@code mail_template}).
 * <p>
 * The overrides are few (two per kind at most), so each node holds them in memory, all of them,
 * until any node saves or resets one ({@link SharedCache}): rendering a mail queries nothing in
 * between. The node that saved uses the change once its transaction commits, the others within
 * {@code guichet.cache.check-interval} (docs/MAIL.md#mail-templates).
 */
@Service
public class MailTemplates {

	/** The languages whose texts administrators edit. */
	public static final List<String> LANGUAGES = List.of("fr", "en");

	/** The longest subject, in characters (without the reference). */
	public static final int SUBJECT_MAX = 200;

	/** The longest text, in characters. */
	public static final int BODY_MAX = 5000;

	private static final Object[] NAMED = MailPlaceholders.BUNDLE_ARGUMENTS.stream().map(name -> "{" + name + "}")
		.toArray();

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final Clock clock;

	/** The overrides, by {@code kind:language}. */
	private final SharedCache<Map<String, Saved>> overrides;

	/**
	 * An administrator's texts for one kind and language.
	 *
	 * @param updatedAt when they were saved
	 */
	public record Saved(MailTemplate template, Instant updatedAt) {
	}

	public MailTemplates(JdbcTemplate jdbc, MessageSource messages, Clock clock, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.overrides = new SharedCache<>(generations, "mail-templates", this::stored);
	}

	/**
	 * The texts a mail of this kind is written with in this language: the override when there is
	 * one, else the bundle's. Queries the database only after a change of the overrides.
	 */
	public MailTemplate current(MailKind kind, Locale locale) {
		Saved saved = overrides.get().get(kind.key() + ":" + locale.getLanguage());
		return saved != null ? saved.template() : defaults(kind, locale);
	}

	/** The bundle's texts of this kind in this language, with named placeholders. */
	public MailTemplate defaults(MailKind kind, Locale locale) {
		String key = "mail." + kind.key();
		return new MailTemplate(messages.getMessage(key + ".subject", NAMED, locale),
				messages.getMessage(key + ".lead", NAMED, locale));
	}

	/** The administrators' texts of this kind and language, or nothing when the bundle's are used. */
	public Optional<Saved> override(MailKind kind, String language) {
		return Optional.ofNullable(overrides.get().get(kind.key() + ":" + language));
	}

	/** The placeholders this kind's texts may use, as {@link MailPlaceholders#of} lists them. */
	public List<String> placeholders(MailKind kind, Locale locale) {
		return MailPlaceholders.of(kind, defaults(kind, locale));
	}

	/**
	 * Checks texts for this kind, each field at once: a subject is required, on one line, at most
	 * {@link #SUBJECT_MAX} characters; a text is required, at most {@link #BODY_MAX} characters;
	 * both use only the kind's placeholders.
	 *
	 * @return the texts, the subject trimmed
	 * @throws InvalidInputException naming {@code subject} and/or {@code body}, every refusal at once
	 */
	public MailTemplate check(MailKind kind, String language, @Nullable String subject, @Nullable String body) {
		List<String> allowed = placeholders(kind, Locale.forLanguageTag(language));
		InputChecks checks = new InputChecks();
		checks.check(() -> checkSubject(subject, allowed));
		checks.check(() -> checkBody(body, allowed));
		checks.refuseIfAny();
		return new MailTemplate(subject.strip(), body);
	}

	/**
	 * The version of the texts of a kind and language, raised by each save and each return to the
	 * default texts; 0 while they were never saved.
	 */
	@Transactional(readOnly = true)
	public long version(MailKind kind, String language) {
		return jdbc.queryForList("select version from mail_template where kind = ? and language = ?", Long.class,
				kind.key(), language).stream().findFirst().orElse(0L);
	}

	/**
	 * Saves the administrators' texts of a kind and language, replacing the ones saved before.
	 *
	 * @param expectedVersion the {@link #version} the texts were written on
	 * @return the new version
	 * @throws VersionMismatchException when they were saved or reset since {@code expectedVersion};
	 *         nothing is saved
	 * @throws InvalidInputException as {@link #check} refuses them; nothing is saved
	 */
	@Transactional
	public long save(MailKind kind, String language, long expectedVersion, @Nullable String subject,
			@Nullable String body, long byUserId) {
		Long stored = jdbc.queryForList("select version from mail_template where kind = ? and language = ? for update",
				Long.class, kind.key(), language(language)).stream().findFirst().orElse(null);
		VersionMismatchException.check(expectedVersion, stored == null ? 0 : stored);
		MailTemplate checked = check(kind, language, subject, body);
		Timestamp now = Timestamp.from(clock.instant());
		if (stored == null) {
			jdbc.update("insert into mail_template (kind, language, subject, body, updated_at, updated_by, version) "
					+ "values (?, ?, ?, ?, ?, ?, 1)", kind.key(), language, checked.subject(), checked.body(), now,
					byUserId);
		}
		else {
			jdbc.update("update mail_template set subject = ?, body = ?, updated_at = ?, updated_by = ?, "
					+ "version = version + 1 where kind = ? and language = ?", checked.subject(), checked.body(), now,
					byUserId, kind.key(), language);
		}
		overrides.changed();
		return stored == null ? 1 : stored + 1;
	}

	/**
	 * Goes back to the bundle's texts of a kind and language, which raises their version: a change
	 * of the texts as {@link #save} is, made on a version as it is.
	 *
	 * @param expectedVersion the {@link #version} the texts were read at
	 * @return whether there was an override
	 * @throws VersionMismatchException when they were saved or reset since {@code expectedVersion};
	 *         nothing is changed
	 */
	@Transactional
	public boolean reset(MailKind kind, String language, long expectedVersion) {
		Long stored = jdbc.queryForList("select version from mail_template where kind = ? and language = ? for update",
				Long.class, kind.key(), language(language)).stream().findFirst().orElse(null);
		VersionMismatchException.check(expectedVersion, stored == null ? 0 : stored);
		int reset = jdbc.update("update mail_template set subject = null, body = null, updated_at = ?, "
				+ "version = version + 1 where kind = ? and language = ? and subject is not null",
				Timestamp.from(clock.instant()), kind.key(), language(language));
		overrides.changed();
		return reset > 0;
	}

	/**
	 * @param key a kind's {@link MailKind#key()} or its name ({@code PUBLIC_REPLY}), in any case
	 * @throws NotFoundException when no kind has it
	 */
	public static MailKind kind(String key) {
		for (MailKind kind : MailKind.values()) {
			if (kind.key().equalsIgnoreCase(key) || kind.name().equalsIgnoreCase(key)) {
				return kind;
			}
		}
		throw new NotFoundException("mail.templates.no-kind", "No kind of mail " + key, key);
	}

	/**
	 * @return the language, one of {@link #LANGUAGES}
	 * @throws NotFoundException for any other
	 */
	public static String language(String language) {
		if (!LANGUAGES.contains(language)) {
			throw new NotFoundException("mail.templates.no-language", "No mail texts in " + language, language);
		}
		return language;
	}

	private static void checkSubject(@Nullable String subject, List<String> allowed) {
		if (subject == null || subject.isBlank()) {
			throw new InvalidInputException("subject", "mail.templates.subject.required",
					"Write the subject of the mail");
		}
		OneLine.Check.check("subject", subject.strip());
		if (subject.strip().length() > SUBJECT_MAX) {
			throw new InvalidInputException("subject", "field.too-long", "Too long", SUBJECT_MAX);
		}
		checkPlaceholders("subject", subject, allowed);
	}

	private static void checkBody(@Nullable String body, List<String> allowed) {
		if (body == null || body.isBlank()) {
			throw new InvalidInputException("body", "mail.templates.body.required", "Write the text of the mail");
		}
		if (body.length() > BODY_MAX) {
			throw new InvalidInputException("body", "field.too-long", "Too long", BODY_MAX);
		}
		checkPlaceholders("body", body, allowed);
	}

	private static void checkPlaceholders(String field, String text, List<String> allowed) {
		List<String> unknown = MailPlaceholders.unknown(text, allowed);
		if (!unknown.isEmpty()) {
			throw new InvalidInputException(field, "mail.templates.placeholder.unknown",
					"Unknown placeholder {" + unknown.get(0) + "}", "{" + unknown.get(0) + "}",
					String.join(", ", allowed.stream().map(name -> "{" + name + "}").toList()));
		}
	}

	private Map<String, Saved> stored() {
		Map<String, Saved> read = new HashMap<>();
		// a kind reset to the default texts keeps its row, without texts, for its version
		jdbc.query("select kind, language, subject, body, updated_at from mail_template where subject is not null",
				row -> {
					read.put(row.getString("kind") + ":" + row.getString("language"),
							new Saved(new MailTemplate(row.getString("subject"), row.getString("body")),
									row.getTimestamp("updated_at").toInstant()));
				});
		return Map.copyOf(read);
	}

}
