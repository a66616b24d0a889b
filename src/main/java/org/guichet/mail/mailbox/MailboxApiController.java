package org.guichet.mail.mailbox;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.mailbox.MailboxJson.Body;
import org.guichet.mail.mailbox.MailboxJson.TestResult;
import org.guichet.mail.mailbox.MailboxJson.View;
import org.guichet.system.ForbiddenException;
import org.guichet.system.IfMatch;
import org.guichet.system.SecretCipher;
import org.jspecify.annotations.Nullable;
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
 * The mailboxes Guichet reads, under {@code /api/v1/mailboxes}, for administrators only: list,
 * read, create, change (an empty or missing password keeps the stored one; made on the version
 * read, {@code If-Match} or {@code version}, 428 without, 412 when stale), delete, and test a
 * connection, saved ({@code POST /{id}/test}) or not ({@code POST /test} with a body). The password
 * is never sent back. Refusals are {@code application/problem+json} listing every wrong field.
 */
@RestController
@RequestMapping("/api/v1/mailboxes")
@PreAuthorize("isAuthenticated()")
class MailboxApiController {

	private final MailboxService mailboxes;

	private final ConnectionTest tester;

	private final MailboxViews views;

	MailboxApiController(MailboxService mailboxes, ConnectionTest tester, MailboxViews views) {
		this.mailboxes = mailboxes;
		this.tester = tester;
		this.views = views;
	}

	@GetMapping
	List<View> list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireAdministrator(user);
		return mailboxes.list().stream().map(mailbox -> View.of(mailbox, views.status(mailbox, locale))).toList();
	}

	@GetMapping("/{id}")
	View show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireAdministrator(user);
		StoredMailbox mailbox = mailboxes.get(id);
		return View.of(mailbox, views.status(mailbox, locale));
	}

	@PostMapping
	ResponseEntity<View> create(@RequestBody Body body, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireAdministrator(user);
		StoredMailbox created = mailboxes.get(mailboxes.create(body.definition()));
		return ResponseEntity.created(URI.create("/api/v1/mailboxes/" + created.id()))
			.body(View.of(created, views.status(created, locale)));
	}

	@PutMapping("/{id}")
	View update(@PathVariable long id, @RequestBody Body body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireAdministrator(user);
		long version = IfMatch.required(ifMatch, body.version());
		StoredMailbox updated = mailboxes.update(id, version, body.definition());
		return View.of(updated, views.status(updated, locale));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		requireAdministrator(user);
		mailboxes.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Tests the saved mailbox's connection. */
	@PostMapping("/{id}/test")
	TestResult testSaved(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireAdministrator(user);
		StoredMailbox mailbox = mailboxes.get(id);
		MailboxDefinition definition = mailbox.definition();
		try {
			return views.test(tester.test(definition, mailboxes.password(mailbox)), definition, locale);
		}
		catch (SecretCipher.UnreadableSecretException ex) {
			return views.test(new ConnectionTest.Result(FailureKind.PASSWORD_UNREADABLE, ex.getMessage(), 0, 0, false),
					definition, locale);
		}
	}

	/** Tests settings without saving them; with an {@code id} query parameter, an empty password is that mailbox's. */
	@PostMapping("/test")
	TestResult test(@RequestBody Body body, @org.springframework.web.bind.annotation.RequestParam(required = false) Long id,
			@AuthenticationPrincipal CurrentUser user, Locale locale) {
		requireAdministrator(user);
		MailboxDefinition checked = mailboxes.checkForTest(body.definition(), id);
		return views.test(tester.test(checked, mailboxes.passwordForTest(id, body.password())), checked, locale);
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("mailbox.administrators-only", "Only an administrator can see and change mailboxes");
		}
	}

}
