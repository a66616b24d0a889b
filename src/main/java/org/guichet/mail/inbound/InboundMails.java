package org.guichet.mail.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.guichet.mail.inbound.InboundMail.LeftOutPart;
import org.guichet.mail.inbound.InboundMail.MailAddress;
import org.guichet.mail.inbound.InboundMail.MailPart;
import org.guichet.text.MailHtml;
import org.jspecify.annotations.Nullable;

/**
 * Reads a mail from its raw bytes (RFC 5322 and MIME, as received from IMAP or POP3) with Apache
 * James mime4j in its lenient mode. A pure function: no database, no network, no state.
 */
public final class InboundMails {

	/** The attachments' total size kept by {@link #read(byte[])}: 25 MiB. */
	public static final long DEFAULT_ATTACHMENT_LIMIT = 25L * 1024 * 1024;

	/** Deeper multiparts are not followed: what they hold stays in the raw bytes. */
	private static final int DEEPEST = 40;

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

	private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,500})>");

	/** A mail has at least one of them; bytes without any are not a mail. */
	private static final Set<String> KNOWN_HEADERS = Set.of("from", "sender", "to", "cc", "subject", "date",
			"message-id", "content-type", "mime-version", "received", "return-path", "reply-to", "in-reply-to",
			"references", "delivered-to");

	/** Reads whatever arrives: no strict parsing, no limit on lines, headers or content. */
	private static final MimeConfig LENIENT = new MimeConfig.Builder().setStrictParsing(false)
		.setMaxLineLen(-1)
		.setMaxHeaderCount(-1)
		.setMaxHeaderLen(-1)
		.setMaxContentLen(-1)
		.build();

	private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+");

	private InboundMails() {
	}

	/** {@link #read(byte[], long)} with {@link #DEFAULT_ATTACHMENT_LIMIT}. */
	public static InboundMail read(byte[] raw) {
		return read(raw, DEFAULT_ATTACHMENT_LIMIT);
	}

	/**
	 * Never throws, whatever the bytes: a mail whose structure cannot be read comes back with
	 * {@link InboundMail#readable()} false, its raw bytes and its bytes as text.
	 *
	 * @param raw the mail as received; kept as given (not copied) in the result
	 * @param attachmentLimit the most bytes of attachments and inline images kept, in the
	 *     mail's order; each part that would go beyond it is left out and listed as such
	 * @return the mail read, never null
	 */
	public static InboundMail read(byte[] raw, long attachmentLimit) {
		List<String> problems = new ArrayList<>();
		try {
			return new Reading(raw, attachmentLimit, problems).read();
		}
		catch (IOException | MimeException | RuntimeException | StackOverflowError failure) {
			problems.add("unreadable MIME: " + failure.getClass().getSimpleName() + " "
					+ MailCharsets.clip(String.valueOf(failure.getMessage())));
			return unreadable(raw, problems);
		}
	}

	/**
	 * Where a mail stands in its conversation, from its header alone (its body is not read): what
	 * the mailbox reader orders a batch by before ingesting it.
	 *
	 * @param messageId the Message-ID without {@code <>}, or null when there is none
	 * @param inReplyTo the first id of {@code In-Reply-To}, or null
	 * @param references the ids of {@code References}, oldest first
	 * @param from the {@code From} address ({@code Sender} when there is none), or null
	 * @param subject the decoded subject, empty when there is none
	 */
	public record Heads(@Nullable String messageId, @Nullable String inReplyTo, List<String> references,
			@Nullable MailAddress from, String subject) {
	}

	/**
	 * Reads only the header of a mail; never throws: bytes without a readable header give a
	 * {@link Heads} of nulls and an empty subject.
	 *
	 * @param raw the mail as received
	 */
	public static Heads heads(byte[] raw) {
		try {
			DefaultMessageBuilder builder = new DefaultMessageBuilder();
			builder.setMimeEntityConfig(LENIENT);
			builder.setDecodeMonitor(DecodeMonitor.SILENT);
			return heads(builder.parseHeader(new ByteArrayInputStream(raw)));
		}
		catch (IOException | RuntimeException unreadable) {
			return new Heads(null, null, List.of(), null, "");
		}
	}

	private static Heads heads(Header header) {
		String messageId = first(header, "Message-ID");
		String inReplyTo = first(header, "In-Reply-To");
		List<String> references = new ArrayList<>();
		String referencesHeader = first(header, "References");
		if (referencesHeader != null) {
			Matcher matcher = ANGLE_ID.matcher(referencesHeader);
			while (matcher.find()) {
				references.add(matcher.group(1));
			}
		}
		List<MailAddress> from = addresses(header, "From");
		if (from.isEmpty()) {
			from = addresses(header, "Sender");
		}
		return new Heads(messageId == null ? null : firstId(messageId), inReplyTo == null ? null : firstId(inReplyTo),
				List.copyOf(references), from.isEmpty() ? null : from.get(0), decoded(first(header, "Subject")));
	}

	private static InboundMail unreadable(byte[] raw, List<String> problems) {
		String text = MailCharsets.guess(raw);
		return new InboundMail(raw, false, List.copyOf(problems), syntheticId(raw), true, null, List.of(), null,
				List.of(), List.of(), List.of(), "", null, text, null, text, null, List.of(), List.of(),
				MailClassification.of(MailKind.NORMAL, "unreadable mail: nothing shows it is automatic"));
	}

	static String syntheticId(byte[] raw) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
			return "sha256-" + HexFormat.of().formatHex(digest) + "@guichet.invalid";
		}
		catch (NoSuchAlgorithmException everyJvmHasIt) {
			throw new IllegalStateException(everyJvmHasIt);
		}
	}

	/** One reading: the state gathered while walking the parts. */
	private static final class Reading {

		private final byte[] raw;

		private final long attachmentLimit;

		private final List<String> problems;

		private final List<String> texts = new ArrayList<>();

		private final List<String> htmls = new ArrayList<>();

		private final StringBuilder reports = new StringBuilder();

		private final List<MailPart> parts = new ArrayList<>();

		private final List<LeftOutPart> leftOut = new ArrayList<>();

		private long kept;

		private boolean structureBroken;

		Reading(byte[] raw, long attachmentLimit, List<String> problems) {
			this.raw = raw;
			this.attachmentLimit = attachmentLimit;
			this.problems = problems;
		}

		InboundMail read() throws IOException, MimeException {
			DefaultMessageBuilder builder = new DefaultMessageBuilder();
			builder.setMimeEntityConfig(LENIENT);
			builder.setDecodeMonitor(new DecodeMonitor() {

				@Override
				public boolean warn(String error, String dropped) {
					if (problems.size() < 20) {
						problems.add(MailCharsets.clip(error));
					}
					return false;
				}

				@Override
				public boolean isListening() {
					return true;
				}
			});
			Message message = builder.parseMessage(new ByteArrayInputStream(raw));
			if (message.getHeader() == null || message.getHeader().getFields().stream()
				.noneMatch(field -> KNOWN_HEADERS.contains(field.getName().strip().toLowerCase(Locale.ROOT)))) {
				problems.add("no mail header could be read");
				return unreadable(raw, problems);
			}
			walk(message, 0);
			Heads heads = heads(message.getHeader());
			String messageId = heads.messageId();
			String subject = heads.subject();
			String html = htmls.isEmpty() ? null : MailHtml.sanitise(String.join("\n", htmls));
			String text = !texts.isEmpty() ? String.join("\n\n", texts).strip() : html == null ? "" : MailHtml.text(html);
			String cutHtml = htmls.isEmpty() ? null : ReplyCutter.newHtml(String.join("\n", htmls));
			String newHtml = cutHtml == null ? html : MailHtml.sanitise(cutHtml);
			String newText = ReplyCutter.newText(texts.isEmpty() && newHtml != null ? MailHtml.text(newHtml) : text);
			String reportType = message.isMultipart() ? parameter(message, "Content-Type", "report-type") : null;
			String inReplyToId = heads.inReplyTo();
			MailAddress sender = heads.from();
			MailClassification classification = MailClassifier.classify(name -> decodedAll(message, name),
					mimeType(message), reportType, subject, sender == null ? null : sender.address(),
					text + "\n" + reports, this::afterHeaders, inReplyToId);
			return new InboundMail(raw, !structureBroken, List.copyOf(new LinkedHashSet<>(problems)),
					messageId == null ? syntheticId(raw) : messageId, messageId == null, inReplyToId,
					heads.references(), sender, addresses(message.getHeader(), "To"), addresses(message.getHeader(), "Cc"),
					addresses(message.getHeader(), "Reply-To"), subject, date(message), text, html, newText, newHtml,
					List.copyOf(parts), List.copyOf(leftOut), classification);
		}

		private void walk(Entity entity, int depth) throws IOException {
			if (depth > DEEPEST) {
				problems.add("parts nested deeper than " + DEEPEST + " levels are not read");
				return;
			}
			Body body = entity.getBody();
			String type = mimeType(entity);
			if (body instanceof Multipart multipart) {
				if (multipart.getBodyParts().isEmpty()) {
					problems.add("a " + type + " without any part (its boundary is missing): read as text");
					structureBroken = true;
					String preamble = multipart.getPreamble();
					texts.add(preamble == null ? "" : preamble.strip());
					return;
				}
				for (Entity part : multipart.getBodyParts()) {
					walk(part, depth + 1);
				}
				return;
			}
			if (body instanceof Message attached) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				new DefaultMessageWriter().writeMessage(attached, bytes);
				reports.append('\n').append(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1));
				String name = filename(entity);
				String subject = decoded(first(attached.getHeader(), "Subject"));
				attach(name != null ? name : (subject.isBlank() ? "message" : subject.replaceAll("[/\\\\:*?\"<>|]", "_")) + ".eml",
						"message/rfc822", entity, bytes.toByteArray());
				return;
			}
			if (!(body instanceof SingleBody single)) {
				return;
			}
			byte[] content = single.getInputStream().readAllBytes();
			String name = filename(entity);
			boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType()) || name != null;
			if (!attachment && type.equals("text/plain")) {
				texts.add(MailCharsets.decode(content, parameter(entity, "Content-Type", "charset"), problems));
				return;
			}
			if (!attachment && type.equals("text/html")) {
				String declared = parameter(entity, "Content-Type", "charset");
				htmls.add(MailCharsets.decode(content, declared != null ? declared : MailCharsets.declaredInHtml(content),
						problems));
				return;
			}
			if (type.equals("message/delivery-status") || type.equals("text/rfc822-headers")
					|| type.equals("message/global-delivery-status") || type.equals("message/global-headers")) {
				reports.append('\n').append(MailCharsets.guess(content));
			}
			attach(name, type, entity, content);
		}

		private void attach(@Nullable String name, String type, Entity entity, byte[] content) {
			String filename = name != null ? name : PartNames.madeUp(type, parts.size() + leftOut.size() + 1);
			if (kept + content.length > attachmentLimit) {
				leftOut.add(new LeftOutPart(filename, type, content.length));
				problems.add("attachment " + MailCharsets.clip(filename) + " (" + content.length
						+ " bytes) left out: the limit of " + attachmentLimit + " bytes is reached");
				return;
			}
			kept += content.length;
			String contentId = first(entity.getHeader(), "Content-ID");
			String id = contentId == null ? null : firstId(contentId);
			boolean inline = "inline".equalsIgnoreCase(entity.getDispositionType())
					|| (entity.getDispositionType() == null && id != null);
			parts.add(new MailPart(filename, type, id, inline, content));
		}

		private @Nullable String filename(Entity entity) {
			String name = PartNames.of(parameters(entity, "Content-Disposition"), "filename");
			return name != null ? name : PartNames.of(parameters(entity, "Content-Type"), "name");
		}

		private @Nullable Instant date(Message message) {
			try {
				return message.getDate() == null ? null : message.getDate().toInstant();
			}
			catch (RuntimeException unreadable) {
				problems.add("unreadable Date header");
				return null;
			}
		}

		/** The raw text after the mail's own header, where a bounce quotes the original one. */
		private String afterHeaders() {
			String all = new String(raw, StandardCharsets.ISO_8859_1);
			int crlf = all.indexOf("\r\n\r\n");
			int lf = all.indexOf("\n\n");
			if (crlf < 0 && lf < 0) {
				return "";
			}
			return crlf >= 0 && (lf < 0 || crlf < lf) ? all.substring(crlf + 4) : all.substring(lf + 2);
		}

		private List<String> decodedAll(Entity entity, String name) {
			List<String> values = new ArrayList<>();
			for (Field field : entity.getHeader().getFields(name)) {
				values.add(decoded(text(field)));
			}
			return values;
		}

		private @Nullable String parameter(Entity entity, String header, String name) {
			for (NameValuePair pair : parameters(entity, header)) {
				if (pair.getName().equalsIgnoreCase(name)) {
					return pair.getValue();
				}
			}
			return null;
		}

		private List<NameValuePair> parameters(Entity entity, String header) {
			Field field = entity.getHeader() == null ? null : entity.getHeader().getField(header);
			if (field == null) {
				return List.of();
			}
			String value = text(field);
			return RawFieldParser.DEFAULT.parseRawBody(new org.apache.james.mime4j.stream.RawField(header, value)).getParams();
		}

	}

	private static List<MailAddress> addresses(Header header, String name) {
		List<MailAddress> found = new ArrayList<>();
		for (Field field : header.getFields(name)) {
			String value = text(field);
			List<Mailbox> mailboxes;
			try {
				mailboxes = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
			}
			catch (RuntimeException unparsable) {
				mailboxes = List.of();
			}
			Set<String> seen = new LinkedHashSet<>();
			for (Mailbox mailbox : mailboxes) {
				String address = mailbox.getAddress();
				if (address != null && BARE_ADDRESS.matcher(address).matches() && seen.add(address)) {
					String display = mailbox.getName() == null ? null : decoded(mailbox.getName());
					found.add(new MailAddress(address, display == null || display.isEmpty() ? null : display));
				}
			}
			if (seen.isEmpty()) {
				Matcher bare = BARE_ADDRESS.matcher(value);
				while (bare.find()) {
					found.add(new MailAddress(bare.group(), null));
				}
			}
		}
		return List.copyOf(found);
	}

	private static @Nullable String first(@Nullable Header header, String name) {
		Field field = header == null ? null : header.getField(name);
		return field == null ? null : text(field);
	}

	/** RFC 2047 decoded, on one line: a line break or control character encoded in a word becomes a space. */
	private static String decoded(@Nullable String value) {
		return value == null ? ""
				: CONTROLS.matcher(DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT)).replaceAll(" ").strip();
	}

	/**
	 * A field's unfolded value, its raw bytes read as UTF-8 when they are (RFC 6532) and as
	 * windows-1252 otherwise, rather than as ASCII.
	 */
	private static String text(Field field) {
		String whole;
		if (field.getRaw() != null) {
			whole = MailCharsets.guess(field.getRaw().toByteArray());
			int colon = whole.indexOf(':');
			whole = colon < 0 ? field.getBody() : whole.substring(colon + 1);
		}
		else {
			whole = field.getBody() == null ? "" : field.getBody();
		}
		return whole.replaceAll("\\r?\\n(?=[ \\t])", "").strip();
	}

	private static @Nullable String firstId(String value) {
		Matcher matcher = ANGLE_ID.matcher(value);
		if (matcher.find()) {
			return matcher.group(1);
		}
		String bare = value.strip();
		return bare.isEmpty() || bare.contains(" ") || bare.length() > 500 ? null : bare;
	}

	private static String mimeType(Entity entity) {
		String type = entity.getMimeType();
		return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
	}

}
