package org.guichet.routing;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rule set compiled once and kept until the rules change. Every change raises a version
 * stored in the database, so each node sees a change made on another one at its next demand,
 * for the price of reading one row.
 */
@Component
class CompiledRules {

	private record Versioned(long version, RuleSet rules) {
	}

	private final RoutingRuleRepository rules;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final AtomicReference<Versioned> current = new AtomicReference<>(new Versioned(-1, RuleSet.EMPTY));

	CompiledRules(RoutingRuleRepository rules, JdbcClient jdbc,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.rules = rules;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** Call inside a transaction. */
	RuleSet current() {
		long version = jdbc.sql("select version from routing_rule_set where id = 1").query(Long.class).single();
		Versioned cached = current.get();
		if (cached.version() == version) {
			return cached.rules();
		}
		RuleSet compiled = RuleSet.compile(rules.findAllInOrder().stream().map(RoutingRule::definition).toList(),
				zone);
		current.set(new Versioned(version, compiled));
		return compiled;
	}

	/** Marks the rules changed, for every node; call in the transaction that changes them. */
	void changed() {
		jdbc.sql("update routing_rule_set set version = version + 1 where id = 1").update();
	}

}
