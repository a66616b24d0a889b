package org.guichet.mail.outbox;

import java.net.ConnectException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailuresTests {

	@Test
	void aFiveHundredAnswerAnywhereInTheChainIsPermanent() throws Exception {
		SMTPAddressFailedException unknown = new SMTPAddressFailedException(new InternetAddress("nobody@example.org"),
				"RCPT TO", 550, "5.1.1 No such user");
		SendFailedException wrapped = new SendFailedException("Invalid Addresses", unknown);
		assertThat(SmtpFailures.permanent(new MailSendException("failed", wrapped))).isTrue();
		assertThat(SmtpFailures.smtpCode(wrapped)).isEqualTo(550);
		assertThat(SmtpFailures.describe(wrapped)).contains("No such user");
	}

	@Test
	void aFourHundredAnswerOrAConnectionThatFailedIsWorthAnotherAttempt() {
		SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 451, "4.3.0 Try again later", null, null,
				null, null);
		assertThat(SmtpFailures.permanent(busy)).isFalse();
		assertThat(SmtpFailures.permanent(new MessagingException("Could not connect", new ConnectException("refused"))))
			.isFalse();
		assertThat(SmtpFailures.smtpCode(new ConnectException("refused"))).isNull();
	}

}
