/** The assistant's administration API, {@code /api/v1/admin/assist}. */
@org.jspecify.annotations.NullMarked
package org.guichet.assist.api;
