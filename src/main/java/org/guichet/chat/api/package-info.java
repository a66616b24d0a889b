/** The chat's REST API: a conversation and its messages, read as the pages read them. */
@org.jspecify.annotations.NullMarked
package org.guichet.chat.api;
