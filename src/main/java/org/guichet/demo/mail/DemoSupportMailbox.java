package org.guichet.demo.mail;

/**
 * What reading the demo's support mailbox takes: its IMAP server (plain, no TLS), account and
 * address. A bean of the demo profile, from which the demo configures its support mailbox.
 *
 * @param host the IMAP server's host, e.g. {@code 127.0.0.1}
 * @param imapPort its port, as bound (never 0)
 * @param user the account's login (the address itself)
 * @param password the account's password
 * @param address the support address the demo users write to
 */
public record DemoSupportMailbox(String host, int imapPort, String user, String password, String address) {

}
