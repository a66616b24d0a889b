package org.guichet.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.elasticsearch.analysis.model.dsl.ElasticsearchAnalysisComponentParametersStep;

/**
 * Guichet's analysers ({@link SearchAnalysis}) for the OpenSearch backend: the same names and the
 * same steps ({@link SearchAnalysis#ANALYSERS}, {@link WordFilter}), written as OpenSearch's
 * built-in filters of the {@code analysis-common} module, so that a text gives the terms the
 * embedded index gives it. Set by {@link SearchBackend} when {@code guichet.search.backend} is
 * {@code opensearch}.
 */
public class OpenSearchAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		Set<WordFilter> used = EnumSet.copyOf(SearchAnalysis.SORTABLE_FILTERS);
		SearchAnalysis.ANALYSERS.values().forEach(used::addAll);
		for (WordFilter filter : used) {
			Map<String, Object> parameters = filter.openSearchParameters();
			if (!parameters.isEmpty()) {
				ElasticsearchAnalysisComponentParametersStep step = context.tokenFilter(filter.openSearchName())
					.type(filter.openSearchType());
				parameters.forEach((name, value) -> parameter(step, name, value));
			}
		}
		SearchAnalysis.ANALYSERS.forEach((name, filters) -> context.analyzer(name)
			.custom()
			.tokenizer("whitespace")
			.tokenFilters(names(filters)));
		context.normalizer(SearchAnalysis.SORTABLE).custom().tokenFilters(names(SearchAnalysis.SORTABLE_FILTERS));
	}

	private static String[] names(List<WordFilter> filters) {
		return filters.stream().map(WordFilter::openSearchName).toArray(String[]::new);
	}

	private static void parameter(ElasticsearchAnalysisComponentParametersStep step, String name, Object value) {
		if (value instanceof Boolean flag) {
			step.param(name, flag);
		}
		else if (value instanceof List<?> values) {
			step.param(name, values.stream().map(String::valueOf).toArray(String[]::new));
		}
		else {
			step.param(name, String.valueOf(value));
		}
	}

}
