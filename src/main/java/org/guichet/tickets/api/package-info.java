/**
 * The tickets part of the REST API {@code /api/v1}: tickets, their lifecycle and timeline, and the
 * category tree, in the JSON contract described in {@code docs/API.md}.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.tickets.api;
