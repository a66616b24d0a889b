/** The catalogue's REST API, {@code /api/v1/catalogue}. */
@org.jspecify.annotations.NullMarked
package org.guichet.catalogue.api;
