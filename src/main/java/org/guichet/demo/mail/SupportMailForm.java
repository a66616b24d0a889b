package org.guichet.demo.mail;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page's form that writes to support as a demo user, as typed: {@code from} is the sender's
 * mailbox, {@code inReplyTo} the UID of one of the mails in it, or null.
 */
public class SupportMailForm {

	/** The longest subject, in characters. */
	static final int SUBJECT_MAX = 200;

	/** The longest text, in characters. */
	static final int BODY_MAX = 50_000;

	private String from = "";

	private String subject = "";

	private String body = "";

	private @Nullable Long inReplyTo;

	private @Nullable MultipartFile file;

	public String getFrom() {
		return from;
	}

	public void setFrom(@Nullable String from) {
		this.from = from == null ? "" : from.trim();
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(@Nullable String subject) {
		this.subject = subject == null ? "" : subject;
	}

	public String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body == null ? "" : body;
	}

	public @Nullable Long getInReplyTo() {
		return inReplyTo;
	}

	public void setInReplyTo(@Nullable Long inReplyTo) {
		this.inReplyTo = inReplyTo;
	}

	public @Nullable MultipartFile getFile() {
		return file;
	}

	public void setFile(@Nullable MultipartFile file) {
		this.file = file;
	}

	/** Whether a file was chosen (an empty file input sends a part without name or bytes). */
	boolean hasFile() {
		return file != null && !file.isEmpty();
	}

}
