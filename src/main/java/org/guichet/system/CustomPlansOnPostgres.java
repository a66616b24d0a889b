package org.guichet.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Has PostgreSQL plan every statement for its parameters ({@code plan_cache_mode =
 * force_custom_plan} on each pooled connection), before the pool opens one.
 * <p>
 * After five executions of a prepared statement PostgreSQL may switch to one generic plan for all
 * parameter values. The queue lists and their tab counts filter on values whose share of the
 * tickets differs by orders of magnitude (a status, a priority level, an assignee), and the
 * generic plan read the wrong index: with 1,000,000 tickets, one request in four on a pooled
 * connection took 290 ms instead of 30 ms (docs/BENCHMARKS.md). Planning each execution costs
 * well under a millisecond. A connection initialisation set by the operator is left as it is;
 * other databases are left alone.
 */
@Component
class CustomPlansOnPostgres implements BeanPostProcessor {

	static final String CUSTOM_PLANS = "set plan_cache_mode = force_custom_plan";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
			pool.setConnectionInitSql(CUSTOM_PLANS);
		}
		return bean;
	}

}
