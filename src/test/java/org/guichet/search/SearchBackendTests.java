package org.guichet.search;

import java.util.HashMap;
import java.util.Map;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The choice of the index's backend: Lucene's properties kept, or replaced by OpenSearch's. */
class SearchBackendTests {

	private static final Map<String, Object> LUCENE = Map.of("hibernate.search.backend.type", "lucene",
			"hibernate.search.backend.directory.root", "/data/index", "hibernate.search.backend.lucene_version",
			"LUCENE_9_12_3", "hibernate.search.backend.analysis.configurer", "class:org.guichet.search.SearchAnalysis",
			"hibernate.search.coordination.strategy", "outbox-polling");

	@Test
	void luceneLeavesTheConfiguredPropertiesAsTheyAre() {
		Map<String, Object> properties = new HashMap<>(LUCENE);
		SearchBackend lucene = backend("lucene", "");
		lucene.customize(properties);
		assertThat(properties).isEqualTo(LUCENE);
		assertThat(lucene.isLocal()).isTrue();
	}

	@Test
	void openSearchReplacesLucenesPropertiesOfTheEntityManagerFactoryAndKeepsTheOutbox() {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setJpaPropertyMap(LUCENE);
		SearchBackend openSearch = backend("OpenSearch", "guichet");
		assertThat(openSearch.postProcessBeforeInitialization(factory, "entityManagerFactory")).isSameAs(factory);
		Map<String, Object> properties = factory.getJpaPropertyMap();
		assertThat(openSearch.isLocal()).isFalse();
		assertThat(properties).doesNotContainKeys("hibernate.search.backend.directory.root",
				"hibernate.search.backend.lucene_version")
			.containsEntry("hibernate.search.backend.type", "elasticsearch")
			.containsEntry("hibernate.search.backend.uris", "http://search1:9200,http://search2:9200")
			.containsEntry("hibernate.search.backend.username", "guichet")
			.containsEntry("hibernate.search.backend.password", "secret")
			.containsEntry("hibernate.search.backend.analysis.configurer", "class:org.guichet.search.OpenSearchAnalysis")
			.containsEntry("hibernate.search.schema_management.strategy", "create-or-validate")
			.containsEntry("hibernate.search.coordination.strategy", "outbox-polling");
		IndexLayoutStrategy names = (IndexLayoutStrategy) properties.get("hibernate.search.backend.layout.strategy");
		String prefix = "desk-v" + IndexBuild.FIELDS_VERSION + "-";
		assertThat(names.createInitialElasticsearchIndexName("ticket")).isEqualTo(prefix + "ticket-000001");
		assertThat(names.createReadAlias("ticket")).isEqualTo(prefix + "ticket-read");
		assertThat(names.createWriteAlias("ticket")).isEqualTo(prefix + "ticket-write");
		assertThat(names.extractUniqueKeyFromElasticsearchIndexName(prefix + "ticket-000001"))
			.isEqualTo(names.extractUniqueKeyFromHibernateSearchIndexName("ticket"));
	}

	@Test
	void noCredentialsAreSentWithoutAUser() {
		Map<String, Object> properties = new HashMap<>(LUCENE);
		backend("opensearch", "").customize(properties);
		assertThat(properties).doesNotContainKeys("hibernate.search.backend.username", "hibernate.search.backend.password");
	}

	@Test
	void anUnknownBackendIsRefused() {
		assertThatThrownBy(() -> backend("elasticsearch", "")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("lucene or opensearch");
	}

	private static SearchBackend backend(String name, String username) {
		return new SearchBackend(name, " http://search1:9200,http://search2:9200 ", username, "secret", "desk-");
	}

}
