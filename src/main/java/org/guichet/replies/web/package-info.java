/**
 * The pages where agents manage their canned replies and macros, and the ticket page's picker and
 * "Macros" menu.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.replies.web;
