/**
 * The directory part of the REST API {@code /api/v1}: the caller's own profile and the support
 * groups.
 */
@org.jspecify.annotations.NullMarked
package org.guichet.directory.api;
