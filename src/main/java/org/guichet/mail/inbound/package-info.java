/**
 * Reading one mail as it came in (its raw bytes): headers, body, attachments, what kind of mail
 * it is (normal, automatic reply, list, bounce) and the new text of a follow-up. No database,
 * no mailbox: {@link org.guichet.mail.inbound.InboundMails#read} is a pure function that never
 * throws and never loses the raw bytes.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.mail.inbound;
