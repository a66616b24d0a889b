package org.guichet.mail.templates.web;

import org.jspecify.annotations.Nullable;

/** The editor of a kind's texts: what the administrator typed, kept as typed when refused. */
public class MailTemplateForm {

	private @Nullable String subject;

	private @Nullable String body;

	/** The version of the texts the editor was opened on. */
	private long version;

	public @Nullable String getSubject() {
		return subject;
	}

	public void setSubject(@Nullable String subject) {
		this.subject = subject;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

}
