package org.guichet.notifications;

import java.util.List;
import java.util.Map;

import org.guichet.directory.PasswordResets;
import org.guichet.directory.PasswordResets.ResetLinkRequested;
import org.guichet.mail.MailKind;
import org.guichet.mail.MailNotice;
import org.guichet.mail.MailOutbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Mails a person the reset link they asked for, in their language, through the outbox, in the
 * transaction of their request (a plain listener: the event is never stored). It is no event of
 * the preferences: it always goes. The link's secret is in the mail's row of the outbox (its
 * bodies) until the row is purged with the sent mails; the database of resets holds only its digest,
 * and the link works once, for {@link PasswordResets#VALIDITY}.
 */
@Component
class PasswordResetMail {

	private final MailOutbox mails;

	PasswordResetMail(MailOutbox mails) {
		this.mails = mails;
	}

	@EventListener
	void on(ResetLinkRequested requested) {
		String link = UriComponentsBuilder.fromPath("/password/reset").queryParam("token", requested.secret())
			.build()
			.toUriString();
		mails.queue(requested.user().value(), MailNotice.general(MailKind.PASSWORD_RESET, Map.of("reset", link),
				List.of()));
	}

}
