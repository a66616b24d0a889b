/**
 * Canned replies and macros of the agent's ticket page: saved texts with placeholders
 * ({@link org.guichet.replies.Placeholders}), personal or shared with a support group, and macros
 * that apply field changes, a status change, a reply and a note to a ticket in one click, through
 * {@link org.guichet.tickets.TicketManagement} and its rules only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Canned replies and macros")
@org.jspecify.annotations.NullMarked
package org.guichet.replies;
