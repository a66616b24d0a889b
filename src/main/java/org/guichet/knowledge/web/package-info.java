/** The knowledge base's pages: the IT team's, the requesters' article page, the ticket page's panel. */
@org.jspecify.annotations.NullMarked
package org.guichet.knowledge.web;
