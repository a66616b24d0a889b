/**
 * Mail out: the outbox table, the rendering of notifications in the recipient's language, the
 * sender job and the administrators' page of mails that could not be sent.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.mail.outbox;
