/**
 * The REST API of canned replies and macros: {@code /api/v1/canned-replies}, {@code /api/v1/macros}
 * and {@code POST /api/v1/tickets/{id}/macros/{macroId}}.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.replies.api;
