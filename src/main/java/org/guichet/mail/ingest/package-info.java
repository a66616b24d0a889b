/**
 * Mail in becomes tickets and follow-ups: {@link org.guichet.mail.ingest.MailIngestion} takes one
 * raw message that a mailbox delivered and commits what it means (a new ticket, a follow-up, a
 * recorded bounce, nothing for an automatic reply), exactly once per Message-ID. A named interface:
 * the mailbox reader calls it, and the demo registers its mailed tickets through it
 * (docs/MAIL.md#from-mail-to-ticket).
 */
@org.springframework.modulith.NamedInterface("ingest")
@org.jspecify.annotations.NullMarked
package org.guichet.mail.ingest;
