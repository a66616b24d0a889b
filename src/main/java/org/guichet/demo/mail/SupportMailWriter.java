package org.guichet.demo.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Writes to support as a demo user would from their mail client: a mail built with Jakarta Mail,
 * sent to the support address through the demo server's SMTP, so that it lands in the support
 * mailbox like any other.
 */
@Component
@ConditionalOnDemoMail
class SupportMailWriter {

	private final DemoMailServer server;

	private final Clock clock;

	SupportMailWriter(DemoMailServer server, Clock clock) {
		this.server = server;
		this.clock = clock;
	}

	/**
	 * Sends one mail to support: plain text in UTF-8, with the file attached when there is one
	 * ({@code multipart/mixed}); as an answer to {@code original} its {@code In-Reply-To} is the
	 * original's Message-ID and its {@code References} the original's followed by that id.
	 *
	 * @param fromAddress the sender's address, as checked by the caller
	 * @param fromName the sender's name, or null
	 * @param subject not blank
	 * @return the Message-ID of the mail sent, with its angle brackets
	 * @throws IllegalStateException when the demo's SMTP server refuses it
	 */
	String send(String fromAddress, @Nullable String fromName, String subject, String body,
			@Nullable MultipartFile file, @Nullable DemoMail original) {
		String messageId = "<" + UUID.randomUUID() + "@" + fromAddress.substring(fromAddress.indexOf('@') + 1) + ">";
		try {
			MimeMessage message = new MimeMessage(server.smtpSession()) {

				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}

			};
			message.setFrom(new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name()));
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(server.supportAddress(), true));
			message.setSubject(subject, StandardCharsets.UTF_8.name());
			message.setSentDate(Date.from(clock.instant()));
			if (original != null && original.messageId() != null) {
				message.setHeader("In-Reply-To", original.messageId());
				message.setHeader("References", original.references());
			}
			if (file == null || file.isEmpty()) {
				message.setText(body, StandardCharsets.UTF_8.name());
			}
			else {
				MimeBodyPart text = new MimeBodyPart();
				text.setText(body, StandardCharsets.UTF_8.name());
				MimeBodyPart attachment = new MimeBodyPart();
				String type = file.getContentType() == null || file.getContentType().isBlank()
						? "application/octet-stream" : file.getContentType();
				attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.getBytes(), type)));
				attachment.setFileName(fileName(file.getOriginalFilename()));
				attachment.setDisposition(MimeBodyPart.ATTACHMENT);
				message.setContent(new MimeMultipart(text, attachment));
			}
			Transport.send(message);
			return messageId;
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The attached file could not be read", ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The demo's SMTP server did not take the mail: " + ex.getMessage(), ex);
		}
	}

	/** The file's name without the folders some browsers send with it; "attachment" when it has none. */
	private static String fileName(@Nullable String original) {
		String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		return name.isBlank() ? "attachment" : name;
	}

}
