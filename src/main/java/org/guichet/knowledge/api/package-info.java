/** The knowledge base's REST API, {@code /api/v1/articles}. */
@org.jspecify.annotations.NullMarked
package org.guichet.knowledge.api;
