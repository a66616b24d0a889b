package org.guichet.knowledge;

import org.guichet.tickets.Status;

/**
 * A ticket linked to an article, as the reader may see it.
 *
 * @param id the ticket's id
 * @param number its number, as shown ({@code #1042})
 */
public record ArticleTicket(long id, String number, String title, Status status) {
}
