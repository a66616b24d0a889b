package org.guichet.mail.templates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.guichet.mail.MailKind;
import org.guichet.system.CacheGenerations;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.VersionMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The texts of the mails on an H2 database of their own: the bundle's with named placeholders, the
 * checks of edited texts, the overrides and how long a node uses what it read.
 */
public class MailTemplatesTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T09:00:00Z"));

	private JdbcTemplate jdbc;

	private MailTemplates templates;

	/** A bundle of the application, as the mails read it. */
	public static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/errors", "i18n/notifications", "i18n/mail");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** An empty database with the table of the overrides, as its migration makes it. */
	public static JdbcTemplate database() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(
				new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
		for (String migration : List.of("V202612070300__mail_templates.sql", "V202612170101__cache_generation.sql",
				"V202612180601__mail_template_version.sql")) {
			try (var sql = MailTemplatesTests.class.getResourceAsStream("/db/migration/" + migration)) {
				jdbc.execute(new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return jdbc;
	}

	@BeforeEach
	void setUp() throws Exception {
		jdbc = database();
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return now.get();
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		templates = new MailTemplates(jdbc, messages(), clock, new CacheGenerations(jdbc, clock, Duration.ofSeconds(1)));
	}

	@Test
	void theDefaultTextsAreTheBundlesWithTheirArgumentsNamed() {
		assertThat(templates.current(MailKind.RECEIVED, Locale.ENGLISH)).isEqualTo(new MailTemplate(
				"Request received: {title}",
				"Your request {ticket} “{title}” is registered. The IT team answers you on its page and by e-mail."));
		assertThat(templates.current(MailKind.AGENT_NOTICE, Locale.FRENCH)).isEqualTo(new MailTemplate("{title}", "{what}"));
	}

	@Test
	void everyKindHasDefaultTextsInEachLanguageAndOffersTheNameOfTheRecipient() {
		for (MailKind kind : MailKind.values()) {
			for (String language : MailTemplates.LANGUAGES) {
				Locale locale = Locale.forLanguageTag(language);
				MailTemplate defaults = templates.defaults(kind, locale);
				assertThat(defaults.subject()).as(kind + " " + language).isNotBlank().doesNotContain("{0}", "{1}", "{2}");
				assertThat(templates.placeholders(kind, locale)).as(kind + " " + language).startsWith("name");
				assertThat(MailPlaceholders.unknown(defaults.subject() + defaults.body(), templates.placeholders(kind, locale)))
					.as("the default texts pass their own checks").isEmpty();
			}
		}
	}

	@Test
	void savedTextsReplaceTheDefaultOnesOfTheirKindAndLanguageOnlyUntilTheyAreReset() {
		templates.save(MailKind.RECEIVED, "en", 0, "  Got it: {title}  ", "Hello again {name}, ticket {ticket}.", 7);

		assertThat(templates.current(MailKind.RECEIVED, Locale.ENGLISH))
			.isEqualTo(new MailTemplate("Got it: {title}", "Hello again {name}, ticket {ticket}."));
		assertThat(templates.current(MailKind.RECEIVED, Locale.FRENCH).subject()).isEqualTo("Demande reçue : {title}");
		assertThat(templates.current(MailKind.CLOSED, Locale.ENGLISH).subject()).isEqualTo("Closed: {title}");
		assertThat(templates.override(MailKind.RECEIVED, "en")).get()
			.extracting(MailTemplates.Saved::updatedAt).isEqualTo(now.get());

		long version = templates.version(MailKind.RECEIVED, "en");
		assertThatThrownBy(() -> templates.reset(MailKind.RECEIVED, "en", version - 1))
			.isInstanceOf(VersionMismatchException.class);
		assertThat(templates.current(MailKind.RECEIVED, Locale.ENGLISH).subject()).as("a stale reset changes nothing")
			.isEqualTo("Got it: {title}");
		assertThat(templates.reset(MailKind.RECEIVED, "en", version)).isTrue();
		assertThat(templates.current(MailKind.RECEIVED, Locale.ENGLISH).subject()).isEqualTo("Request received: {title}");
		assertThat(templates.reset(MailKind.RECEIVED, "en", version + 1)).as("nothing left to reset").isFalse();
	}

	@Test
	void overridesAreReadOnceAndAChangeOfAnotherNodeIsSeenWithinTheCheckInterval() {
		assertThat(templates.current(MailKind.CLOSED, Locale.ENGLISH).subject()).isEqualTo("Closed: {title}");
		// another node saves and moves the generation on: this node goes on with what it read until it checks
		jdbc.update("insert into mail_template (kind, language, subject, body, updated_at) values "
				+ "('closed', 'en', 'Done: {title}', 'Done.', current_timestamp)");
		jdbc.update("update cache_generation set generation = generation + 1 where name = 'mail-templates'");
		assertThat(templates.current(MailKind.CLOSED, Locale.ENGLISH).subject()).isEqualTo("Closed: {title}");
		now.set(now.get().plusSeconds(1));
		assertThat(templates.current(MailKind.CLOSED, Locale.ENGLISH).subject()).isEqualTo("Done: {title}");
	}

	@Test
	void aSubjectIsRequiredOnOneLineAndShortEnough() {
		assertThat(refusal(" ", "Text")).containsExactly("subject:mail.templates.subject.required");
		assertThat(refusal(null, "Text")).containsExactly("subject:mail.templates.subject.required");
		assertThat(refusal("Two\nlines", "Text")).containsExactly("subject:" + OneLine.CODE);
		assertThat(refusal("Tab\there", "Text")).containsExactly("subject:" + OneLine.CODE);
		assertThat(refusal("x".repeat(MailTemplates.SUBJECT_MAX + 1), "Text")).containsExactly("subject:field.too-long");
		assertThat(templates.check(MailKind.RECEIVED, "en", "x".repeat(MailTemplates.SUBJECT_MAX), "Text").subject())
			.hasSize(MailTemplates.SUBJECT_MAX);
	}

	@Test
	void aTextIsRequiredAndShortEnough() {
		assertThat(refusal("Subject", "\n ")).containsExactly("body:mail.templates.body.required");
		assertThat(refusal("Subject", "x".repeat(MailTemplates.BODY_MAX + 1))).containsExactly("body:field.too-long");
	}

	@Test
	void aPlaceholderTheKindDoesNotOfferIsRefusedNamingItAndTheOnesItOffers() {
		InvalidInputException refused = null;
		try {
			templates.check(MailKind.RECEIVED, "en", "{ticket} ok", "Reply by {author} on {tittle}");
		}
		catch (InvalidInputException ex) {
			refused = ex;
		}
		assertThat(refused).isNotNull();
		assertThat(refused.field()).isEqualTo("body");
		assertThat(refused.messageKey()).isEqualTo("mail.templates.placeholder.unknown");
		assertThat(refused.arguments()).containsExactly("{author}", "{name}, {ticket}, {title}");
		assertThat(messages().getMessage(refused.messageKey(), refused.arguments(), Locale.ENGLISH))
			.isEqualTo("There is no placeholder {author} in this mail: use only {name}, {ticket}, {title}, with their braces.");
		assertThat(refusal("{what}", "{author}")).as("not offered by a received mail")
			.containsExactly("subject:mail.templates.placeholder.unknown", "body:mail.templates.placeholder.unknown");
	}

	@Test
	void everyFieldAtFaultIsRefusedAtOnceAndNothingIsSaved() {
		assertThat(refusal("", "")).containsExactly("subject:mail.templates.subject.required",
				"body:mail.templates.body.required");
		assertThatThrownBy(() -> templates.save(MailKind.RECEIVED, "en", 0, "", "", 7))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.queryForObject("select count(*) from mail_template", Integer.class)).isZero();
	}

	@Test
	void eachSaveAndEachResetRaisesTheVersionAndTextsWrittenOnAnOldOneAreRefused() {
		assertThat(templates.version(MailKind.RECEIVED, "en")).as("never saved").isZero();
		assertThat(templates.save(MailKind.RECEIVED, "en", 0, "Mine: {title}", "Mine, {name}.", 7)).isEqualTo(1);
		templates.reset(MailKind.RECEIVED, "en", 1);
		assertThat(templates.version(MailKind.RECEIVED, "en")).as("a reset is a change too").isEqualTo(2);

		assertThatThrownBy(() -> templates.save(MailKind.RECEIVED, "en", 1, "Theirs: {title}", "Theirs.", 8))
			.isInstanceOfSatisfying(VersionMismatchException.class, ex -> assertThat(ex.currentVersion()).isEqualTo(2));
		assertThatThrownBy(() -> templates.save(MailKind.RECEIVED, "en", 0, "Theirs: {title}", "Theirs.", 8))
			.as("the defaults read before a save and a reset are not the defaults now")
			.isInstanceOf(VersionMismatchException.class);
		assertThat(templates.override(MailKind.RECEIVED, "en")).isEmpty();
		assertThat(templates.version(MailKind.CLOSED, "en")).as("each kind and language its own").isZero();
	}

	@Test
	void anUnknownKindOrLanguageIsNotFound() {
		assertThat(MailTemplates.kind("reply")).isEqualTo(MailKind.PUBLIC_REPLY);
		assertThat(MailTemplates.kind("public_reply")).isEqualTo(MailKind.PUBLIC_REPLY);
		assertThatThrownBy(() -> MailTemplates.kind("nope")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> MailTemplates.language("de")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> templates.save(MailKind.RECEIVED, "de", 0, "S", "B", 7))
			.isInstanceOf(NotFoundException.class);
	}

	private List<String> refusal(String subject, String body) {
		try {
			templates.check(MailKind.RECEIVED, "en", subject, body);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return java.util.stream.Stream.concat(java.util.stream.Stream.of(ex), ex.others().stream())
				.map(one -> one.field() + ":" + one.messageKey())
				.toList();
		}
	}

}
