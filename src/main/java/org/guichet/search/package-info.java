/**
 * Full-text search: the one analysis of Guichet (French and English), for the embedded Lucene
 * index and for the OpenSearch one several nodes share ({@link org.guichet.search.SearchBackend}),
 * the index's administration, and the global search that asks every {@link org.guichet.search.SearchSource}
 * (tickets, articles) contributed by the module owning those documents. Each source applies its
 * own visibility rules inside its query: what a reader may not open is never a hit, a count or a
 * facet value.
 * It depends on no feature module: the modules owning documents depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
@org.jspecify.annotations.NullMarked
package org.guichet.search;
