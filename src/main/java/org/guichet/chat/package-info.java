/**
 * Live chat (issue 15): a requester's conversation with the agents of the chat groups, from the
 * portal; its messages stored as they are sent and delivered to every open stream of the
 * conversation as server-sent events after the commit ({@link org.guichet.chat.ChatRelay}); the
 * agents' queue, and a conversation turned into a ticket through {@code TicketManagement}
 * (channel CHAT, registered by the agent on the requester's behalf).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
@org.jspecify.annotations.NullMarked
package org.guichet.chat;
