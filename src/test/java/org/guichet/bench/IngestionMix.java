package org.guichet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A stream of realistic incoming mail for the ingestion benchmark, made from the messages of the
 * test corpus ({@code src/test/resources/mail/corpus/}, its {@code manifest.txt} giving each one's
 * kind): new requests, replies that answer an earlier message of the mix by {@code In-Reply-To} and
 * {@code References} (from the same sender, with {@code Re:} and its subject), and out-of-office
 * answers to an earlier message. Each message gets a new {@code Message-ID}, sender, recipient
 * and, but for auto-replies, whose subject may be what marks them, a subject of its own; its
 * body, parts, charsets and other headers stay those of the corpus message. The malformed and XSS
 * messages of the corpus are left out: they test robustness, not an everyday mailbox. The same
 * seed gives the same mix.
 */
final class IngestionMix {

	/** The headers a mix message writes again. */
	private static final Set<String> REWRITTEN = Set.of("message-id", "in-reply-to", "references", "from", "to", "cc",
			"subject", "reply-to", "return-path");

	/** What a message of the mix is. */
	enum Role {
		NEW, REPLY, AUTO_REPLY
	}

	/**
	 * A message of the mix with what it is, the corpus file it was made from and, for a reply or an
	 * auto-reply, the {@code Message-ID} it answers (else empty).
	 */
	record Message(Role role, String messageId, String inReplyTo, String sender, String subject, byte[] raw,
			String template) {
	}

	private final List<Template> everyday = new ArrayList<>();

	private final List<Template> autoReplies = new ArrayList<>();

	private final Random random;

	private final List<String> senders;

	private final String to;

	private final String domain;

	/** The new requests and replies so far, which later messages may answer. */
	private final List<Message> earlier = new ArrayList<>();

	private int count;

	private record Template(String file, byte[] raw) {
	}

	/**
	 * @param corpus the folder with the {@code .eml} files and {@code manifest.txt}
	 * @param senders the addresses the mix comes from (requesters, or unknown senders per the mailbox's policy)
	 * @param to the support address the mix is written to
	 */
	IngestionMix(Path corpus, List<String> senders, String to, long seed) {
		this.random = new Random(seed);
		this.senders = senders;
		this.to = to;
		this.domain = "bench-" + Long.toString(seed, 36) + ".example";
		try {
			for (String line : Files.readAllLines(corpus.resolve("manifest.txt"), StandardCharsets.UTF_8)) {
				int colon = line.indexOf(".eml: ");
				if (line.startsWith("#") || colon < 0) {
					continue;
				}
				String file = line.substring(0, colon + 4);
				if (file.startsWith("malformed-") || file.startsWith("xss-") || file.startsWith("no-message-id")) {
					continue;
				}
				Template template = new Template(file, Files.readAllBytes(corpus.resolve(file)));
				if (line.contains("kind=NORMAL")) {
					everyday.add(template);
				}
				else if (line.contains("kind=AUTO_REPLY")) {
					autoReplies.add(template);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The next message: a reply with probability {@code replyShare}, an auto-reply with
	 * {@code autoShare}, else a new request (always the first).
	 */
	Message next(double replyShare, double autoShare) {
		int number = count++;
		String messageId = "<bench-" + number + "." + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "@" + domain + ">";
		double draw = random.nextDouble();
		Message message;
		if (earlier.isEmpty() || draw >= replyShare + autoShare) {
			Template template = everyday.get(random.nextInt(everyday.size()));
			String sender = senders.get(random.nextInt(senders.size()));
			String subject = "Bench request " + number + " (" + template.file().replace(".eml", "") + ")";
			message = new Message(Role.NEW, messageId, "", sender, subject,
					rewrite(template.raw(), messageId, sender, subject, null, null), template.file());
		}
		else {
			Message parent = earlier.get(random.nextInt(earlier.size()));
			if (draw < replyShare) {
				Template template = everyday.get(random.nextInt(everyday.size()));
				String subject = parent.subject().startsWith("Re: ") ? parent.subject() : "Re: " + parent.subject();
				message = new Message(Role.REPLY, messageId, parent.messageId(), parent.sender(), subject,
						rewrite(template.raw(), messageId, parent.sender(), subject, parent.messageId(), parent.messageId()),
						template.file());
			}
			else {
				Template template = autoReplies.get(random.nextInt(autoReplies.size()));
				message = new Message(Role.AUTO_REPLY, messageId, parent.messageId(), parent.sender(), parent.subject(),
						rewrite(template.raw(), messageId, parent.sender(), null, parent.messageId(), parent.messageId()),
						template.file());
			}
		}
		if (message.role() != Role.AUTO_REPLY) {
			earlier.add(message);
		}
		return message;
	}

	/**
	 * The message with its addressing headers written again (byte for byte otherwise, as
	 * ISO-8859-1 keeps every byte); {@code subject} null keeps the template's.
	 */
	private byte[] rewrite(byte[] raw, String messageId, String sender, String subject, String inReplyTo,
			String references) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		String newline = text.contains("\r\n") ? "\r\n" : "\n";
		int end = text.indexOf(newline + newline);
		String head = end < 0 ? text : text.substring(0, end);
		String body = end < 0 ? "" : text.substring(end);
		StringBuilder kept = new StringBuilder();
		StringBuilder keptSubject = new StringBuilder();
		boolean skipping = false;
		boolean inSubject = false;
		for (String line : head.split(newline, -1)) {
			boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
			if (!continuation) {
				int colon = line.indexOf(':');
				String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				skipping = REWRITTEN.contains(name);
				inSubject = name.equals("subject");
			}
			if (inSubject) {
				keptSubject.append(line).append(newline);
			}
			if (!skipping) {
				kept.append(line).append(newline);
			}
		}
		StringBuilder headers = new StringBuilder();
		headers.append("Message-ID: ").append(messageId).append(newline);
		headers.append("From: ").append(sender).append(newline);
		headers.append("To: ").append(to).append(newline);
		if (subject != null) {
			headers.append("Subject: ").append(subject).append(newline);
		}
		else {
			headers.append(keptSubject);
		}
		if (inReplyTo != null) {
			headers.append("In-Reply-To: ").append(inReplyTo).append(newline);
			headers.append("References: ").append(references).append(newline);
		}
		String whole = headers + kept.toString();
		whole = whole.substring(0, whole.length() - newline.length()) + body;
		return whole.getBytes(StandardCharsets.ISO_8859_1);
	}

}
