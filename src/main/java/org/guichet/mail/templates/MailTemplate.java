package org.guichet.mail.templates;

/**
 * The texts of one kind of mail in one language, with named placeholders ({@link MailPlaceholders}).
 *
 * @param subject the subject, on one line, without the {@code [#1042]} reference that every
 *        subject of a ticket's mail starts with
 * @param body the text after the greeting, in Markdown
 */
public record MailTemplate(String subject, String body) {
}
