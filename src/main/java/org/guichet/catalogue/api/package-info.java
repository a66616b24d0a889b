/**
 * The catalogue's REST API: {@code /api/v1/catalogue} (asking for items) and
 * {@code /api/v1/admin/catalogue} (administrators building the catalogue).
 */
@org.jspecify.annotations.NullMarked
package org.guichet.catalogue.api;
