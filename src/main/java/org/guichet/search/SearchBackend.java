package org.guichet.search;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Where the search index lives, chosen by {@code guichet.search.backend} (docs/CONFIGURATION.md,
 * docs/adr/019): {@code lucene} (the default), an embedded Lucene index in the node's data
 * directory, as {@code application.properties} configures Hibernate Search; or {@code opensearch},
 * Hibernate Search's Elasticsearch backend on the OpenSearch cluster at
 * {@code guichet.search.opensearch.uris}, shared by every node, whose Lucene-only properties are
 * then replaced in the entity manager factory's properties before it starts (a Hibernate properties
 * customiser can add properties but not take away those of {@code spring.jpa.properties}). Either way the index changes travel through the outbox (outbox-polling
 * coordination), so each node's committed writes reach the index once, a crash included.
 * <p>
 * On OpenSearch the indexes are named {@code <index-prefix>v<fields version>-<index>} (e.g.
 * {@code guichet-v5-ticket}, see {@link IndexNames}); a node creates those that are missing and
 * validates those that exist, and never drops one: a node started beside running ones uses their
 * index, and a version of Guichet with other fields starts on new, empty indexes, which
 * {@link IndexBuild} then fills.
 */
@Component
public class SearchBackend implements BeanPostProcessor {

	private static final String BACKEND = "hibernate.search.backend.";

	private final boolean openSearch;

	private final String uris;

	private final String username;

	private final String password;

	private final String indexPrefix;

	/**
	 * @param backend {@code lucene} or {@code opensearch}, case ignored; anything else is refused
	 * with {@link IllegalArgumentException} (Guichet does not start)
	 * @param uris the OpenSearch nodes, comma-separated ({@code http://host:9200}); read for {@code opensearch} only
	 * @param username the OpenSearch user, or blank for none
	 * @param password that user's password, or blank
	 * @param indexPrefix the start of the indexes' names, so that several desks may share a cluster
	 */
	SearchBackend(@Value("${guichet.search.backend:lucene}") String backend,
			@Value("${guichet.search.opensearch.uris:http://localhost:9200}") String uris,
			@Value("${guichet.search.opensearch.username:}") String username,
			@Value("${guichet.search.opensearch.password:}") String password,
			@Value("${guichet.search.opensearch.index-prefix:guichet-}") String indexPrefix) {
		this.openSearch = switch (backend.strip().toLowerCase(Locale.ROOT)) {
			case "lucene" -> false;
			case "opensearch" -> true;
			default -> throw new IllegalArgumentException(
					"guichet.search.backend must be lucene or opensearch, not " + backend);
		};
		this.uris = uris.strip();
		this.username = username.strip();
		this.password = password;
		this.indexPrefix = indexPrefix.strip();
	}

	/** Whether the index is this node's own (Lucene, in its data directory) rather than shared on OpenSearch. */
	public boolean isLocal() {
		return !openSearch;
	}

	/** Sets the OpenSearch backend's properties into the JPA properties of the entity manager factory. */
	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof LocalContainerEntityManagerFactoryBean factory) {
			customize(factory.getJpaPropertyMap());
		}
		return bean;
	}

	/**
	 * For {@code opensearch}, replaces the Lucene backend's properties of Hibernate Search by the
	 * OpenSearch backend's; for {@code lucene}, leaves them.
	 *
	 * @param properties the JPA properties, by their Hibernate names ({@code hibernate.search.…}), changed in place
	 */
	void customize(Map<String, Object> properties) {
		if (!openSearch) {
			return;
		}
		properties.keySet().removeIf(name -> name.startsWith(BACKEND + "directory.") || name.equals(BACKEND + "lucene_version"));
		properties.put(BACKEND + "type", "elasticsearch");
		properties.put(BACKEND + "uris", uris);
		if (!username.isEmpty()) {
			properties.put(BACKEND + "username", username);
			properties.put(BACKEND + "password", password);
		}
		properties.put(BACKEND + "analysis.configurer", "class:" + OpenSearchAnalysis.class.getName());
		properties.put(BACKEND + "layout.strategy", new IndexNames(indexPrefix + "v" + IndexBuild.FIELDS_VERSION + "-"));
		// never drop-and-create: the index is shared with the nodes already running
		properties.put("hibernate.search.schema_management.strategy", "create-or-validate");
	}

}
