package org.guichet.mail.templates.web;

import org.jspecify.annotations.Nullable;

/** The editor of a kind's texts: what the administrator typed, kept as typed when refused. */
public class MailTemplateForm {

	private @Nullable String subject;

	private @Nullable String body;

	public @Nullable String getSubject() {
		return subject;
	}

	public void setSubject(@Nullable String subject) {
		this.subject = subject;
	}

	public @Nullable String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

}
