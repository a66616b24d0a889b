package org.guichet.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * The names of Guichet's indexes on OpenSearch: Hibernate Search's index name ({@code ticket},
 * {@code article}) after a prefix that holds the desk's prefix and the fields' version
 * ({@code guichet-v5-}); the index itself is {@code <name>-000001}, written through the alias
 * {@code <name>-write} and read through {@code <name>-read}, as Hibernate Search's simple layout
 * does. A new fields version thus names new indexes, and the old ones are left for the operator to
 * delete.
 */
final class IndexNames implements IndexLayoutStrategy {

	private static final Pattern INDEX = Pattern.compile("(.+)-\\d{6}");

	private final String prefix;

	/** @param prefix put before every index name, e.g. {@code guichet-v5-} */
	IndexNames(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
		return prefix + hibernateSearchIndexName + "-000001";
	}

	@Override
	public String createWriteAlias(String hibernateSearchIndexName) {
		return prefix + hibernateSearchIndexName + "-write";
	}

	@Override
	public String createReadAlias(String hibernateSearchIndexName) {
		return prefix + hibernateSearchIndexName + "-read";
	}

	@Override
	public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
		return prefix + hibernateSearchIndexName;
	}

	/** @throws IllegalArgumentException for a name this layout does not make */
	@Override
	public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
		Matcher matcher = INDEX.matcher(elasticsearchIndexName);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not an index of Guichet: " + elasticsearchIndexName);
		}
		return matcher.group(1);
	}

}
