/** The chat's pages: the requester's chat on the portal, the agents' queue and conversation, their event streams. */
@org.jspecify.annotations.NullMarked
package org.guichet.chat.web;
