package org.guichet.mail.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * What is ingested of a message bigger than its mailbox allows: never its bytes cut somewhere, but a
 * whole, well-formed message made of the original's headers (Message-ID, From, threading headers…
 * unchanged), its text and HTML parts when the server gives parts one by one (IMAP) and they fit,
 * and a text part that lists what was left out with its size. The header
 * {@value #LEFT_OUT_HEADER} tells the ingestion the original's size.
 */
final class OversizeMessages {

	/** Added to a reduced message: {@code <original size in bytes>; <parts left out>}. */
	static final String LEFT_OUT_HEADER = "X-Guichet-Left-Out";

	private OversizeMessages() {
	}

	/**
	 * The reduced message's bytes.
	 *
	 * @param original the message on the server, its parts fetched on demand
	 * @param size its size in bytes as the server gave it
	 * @param limit the most bytes a kept text part may have
	 * @param partsReadable whether parts can be fetched without the whole message (IMAP); false
	 *        (POP3): only the headers are kept
	 */
	static byte[] reduce(MimeMessage original, long size, long limit, boolean partsReadable)
			throws MessagingException, IOException {
		List<BodyPart> kept = new ArrayList<>();
		List<String> leftOut = new ArrayList<>();
		if (partsReadable) {
			collect(original, limit, kept, leftOut);
		}
		else {
			leftOut.add("the whole body (" + size + " bytes): this server gives messages only whole");
		}
		MimeMessage reduced = new MimeMessage(Session.getInstance(new java.util.Properties()));
		Enumeration<Header> headers = original.getAllHeaders();
		while (headers.hasMoreElements()) {
			Header header = headers.nextElement();
			String name = header.getName();
			if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Transfer-Encoding")
					&& !name.equalsIgnoreCase("MIME-Version")) {
				reduced.addHeader(name, header.getValue());
			}
		}
		MimeBodyPart note = new MimeBodyPart();
		note.setText("This message (" + size + " bytes) was bigger than the mailbox allows; left out:\n- "
				+ String.join("\n- ", leftOut) + "\n", "UTF-8");
		kept.add(note);
		MimeMultipart body = new MimeMultipart("mixed");
		for (BodyPart part : kept) {
			body.addBodyPart(part);
		}
		reduced.setContent(body);
		reduced.setHeader(LEFT_OUT_HEADER, MimeUtility.fold(LEFT_OUT_HEADER.length() + 2,
				MimeUtility.encodeText(size + "; " + String.join(", ", leftOut), "UTF-8", null)));
		String messageId = original.getHeader("Message-ID", null);
		reduced.saveChanges();
		if (messageId != null) {
			reduced.setHeader("Message-ID", messageId);
		}
		else {
			reduced.removeHeader("Message-ID");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		reduced.writeTo(out);
		return out.toByteArray();
	}

	private static void collect(Part part, long limit, List<BodyPart> kept, List<String> leftOut)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), limit, kept, leftOut);
			}
			return;
		}
		int size = part.getSize();
		boolean text = (part.isMimeType("text/plain") || part.isMimeType("text/html"))
				&& !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		if (text && size >= 0 && size <= limit) {
			MimeBodyPart copy = new MimeBodyPart();
			copy.setContent(part.getContent(), part.getContentType());
			kept.add(copy);
		}
		else {
			String name = part.getFileName();
			leftOut.add((name == null ? "a part" : "\"" + name.replaceAll("[\\p{Cntrl}\"]", "") + "\"") + " of type "
					+ part.getContentType().replaceAll("[\\r\\n\\t ]+", " ").replaceAll(";.*", "").toLowerCase(Locale.ROOT)
					+ " (" + (size < 0 ? "unknown size" : size + " bytes") + ")");
		}
	}

}
