package org.guichet.mail.templates.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.mail.MailKind;
import org.guichet.mail.outbox.MailRenderer;
import org.guichet.mail.outbox.RenderedMail;
import org.guichet.mail.templates.MailTemplate;
import org.guichet.mail.templates.MailTemplateSamples;
import org.guichet.mail.templates.MailTemplates;
import org.guichet.system.IfMatch;
import org.guichet.system.MultiLine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mails' texts for administrators (403 problem+json for anyone else): each kind
 * ({@code PUBLIC_REPLY}…) in each language ({@code fr}, {@code en}) with its texts, whether they are
 * the administrators', its placeholders, its version; replacing them (PUT, on the version read:
 * {@code If-Match} or {@code version}, 428 without, 412 when stale), a preview of texts not saved
 * (POST …/preview) and going back to the default ones (DELETE). Refused texts answer 400
 * problem+json naming each field at fault ({@code subject}, {@code body}) under {@code errors};
 * an unknown kind or language 404. docs/API.md#mail-templates.
 */
@RestController
@RequestMapping(path = "/api/v1/mail-templates", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MailTemplateApiController {

	private final MailTemplates templates;

	private final MailRenderer renderer;

	private final MailTemplateSamples samples;

	MailTemplateApiController(MailTemplates templates, MailRenderer renderer, MailTemplateSamples samples) {
		this.templates = templates;
		this.renderer = renderer;
		this.samples = samples;
	}

	/**
	 * @param kind the kind's name, e.g. {@code PUBLIC_REPLY}
	 * @param language {@code fr} or {@code en}
	 * @param edited whether the texts are the administrators' (else the default ones)
	 * @param updatedAt when the administrators' texts were saved; null for the default ones
	 * @param placeholders the placeholders these texts may use, with their braces
	 * @param defaultSubject the default subject, what DELETE brings back
	 * @param defaultBody the default text
	 * @param version raised by each save and each return to the default texts, its ETag; 0 while
	 *        never saved
	 */
	record TemplateJson(String kind, String language, String subject, String body, boolean edited,
			@Nullable Instant updatedAt, List<String> placeholders, String defaultSubject, String defaultBody,
			long version) {
	}

	/**
	 * Texts sent to save or preview.
	 *
	 * @param version to save, the version they were written on unless {@code If-Match} names it;
	 *        ignored by a preview
	 */
	record TextsJson(String subject, @MultiLine String body, @Nullable Long version) {
	}

	/** A preview: the mail's subject (with the example reference), its HTML part and its text part. */
	record PreviewJson(String subject, String html, String text) {
	}

	@GetMapping
	List<TemplateJson> list() {
		List<TemplateJson> all = new ArrayList<>();
		for (MailKind kind : MailKind.values()) {
			for (String language : MailTemplates.LANGUAGES) {
				all.add(json(kind, language));
			}
		}
		return all;
	}

	@GetMapping("/{kind}/{language}")
	TemplateJson one(@PathVariable String kind, @PathVariable String language) {
		return json(MailTemplates.kind(kind), MailTemplates.language(language));
	}

	@PutMapping(path = "/{kind}/{language}", consumes = MediaType.APPLICATION_JSON_VALUE)
	TemplateJson replace(@PathVariable String kind, @PathVariable String language, @RequestBody TextsJson texts,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		MailKind found = MailTemplates.kind(kind);
		String known = MailTemplates.language(language);
		long version = IfMatch.required(ifMatch, texts.version());
		templates.save(found, known, version, texts.subject(), texts.body(), me.id());
		return json(found, language);
	}

	@PostMapping(path = "/{kind}/{language}/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	PreviewJson preview(@PathVariable String kind, @PathVariable String language, @RequestBody TextsJson texts) {
		MailKind found = MailTemplates.kind(kind);
		Locale locale = Locale.forLanguageTag(MailTemplates.language(language));
		MailTemplate checked = templates.check(found, language, texts.subject(), texts.body());
		RenderedMail mail = renderer.render(samples.notice(found, locale), samples.recipient(locale), locale, checked);
		return new PreviewJson(mail.subject(), mail.html(), mail.text());
	}

	/** Back to the default texts, made on the version of {@code If-Match} (required: a reset changes the texts). */
	@DeleteMapping("/{kind}/{language}")
	ResponseEntity<TemplateJson> reset(@PathVariable String kind, @PathVariable String language,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		MailKind found = MailTemplates.kind(kind);
		templates.reset(found, MailTemplates.language(language), IfMatch.required(ifMatch, null));
		return ResponseEntity.ok(json(found, language));
	}

	private TemplateJson json(MailKind kind, String language) {
		Locale locale = Locale.forLanguageTag(language);
		MailTemplate current = templates.current(kind, locale);
		MailTemplate defaults = templates.defaults(kind, locale);
		MailTemplates.Saved saved = templates.override(kind, language).orElse(null);
		return new TemplateJson(kind.name(), language, current.subject(), current.body(), saved != null,
				saved == null ? null : saved.updatedAt(),
				templates.placeholders(kind, locale).stream().map(name -> "{" + name + "}").toList(),
				defaults.subject(), defaults.body(), templates.version(kind, language));
	}

}
