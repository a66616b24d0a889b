package org.guichet.presentation.about;

/**
 * A server outside Guichet that a deployment is configured to talk to.
 *
 * @param kind what it does for Guichet
 * @param name its name as configured (e.g. "smtp.example.org")
 * @param address where Guichet reaches it, without credentials (e.g. "smtp.example.org:587")
 * @param protocol how, as it is written on the link (e.g. "SMTP")
 */
public record ExternalServer(ServerKind kind, String name, String address, String protocol) {
}
