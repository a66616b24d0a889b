/**
 * The e-mail channel: mail that comes in becomes tickets and follow-ups, without loops;
 * notifications go out through a durable outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
@org.jspecify.annotations.NullMarked
package org.guichet.mail;
