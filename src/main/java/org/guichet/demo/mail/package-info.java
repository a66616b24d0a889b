/**
 * The demo's own mail server (profile {@code demo} only): GreenMail's SMTP and IMAP in the JVM,
 * one mailbox per demo user and one for support, Guichet's mail out pointed at it, and the
 * administrators' page that reads those mailboxes and writes to support as any demo user.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.demo.mail;
