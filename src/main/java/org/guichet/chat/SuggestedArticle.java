package org.guichet.chat;

/**
 * A published knowledge article the requester of a conversation may read, suggested to the agent
 * from what the requester wrote.
 *
 * @param path the article's page on the portal, such as {@code /portal/knowledge/12}: the link the
 *        agent sends
 */
public record SuggestedArticle(long id, String title, String path) {
}
