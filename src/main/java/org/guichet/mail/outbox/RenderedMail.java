package org.guichet.mail.outbox;

/** A mail written in its recipient's language: its subject, its HTML body and the same as plain text. */
public record RenderedMail(String subject, String html, String text) {
}
