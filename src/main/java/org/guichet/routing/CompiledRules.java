package org.guichet.routing;

import java.time.ZoneId;

import org.guichet.system.CacheGenerations;
import org.guichet.system.SharedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rule set compiled once and kept until the rules change: a {@link SharedCache}, so a change
 * made on another node is seen within {@code guichet.cache.check-interval}, and a demand reads no
 * row to know whether the rules changed.
 */
@Component
class CompiledRules {

	private final SharedCache<RuleSet> compiled;

	CompiledRules(RoutingRuleRepository rules, CacheGenerations generations,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.compiled = new SharedCache<>(generations, "routing-rules", () -> RuleSet
			.compile(rules.findAllInOrder().stream().map(RoutingRule::definition).toList(), zone));
	}

	/** Call inside a transaction. */
	RuleSet current() {
		return compiled.get();
	}

	/** Marks the rules changed, for every node; call in the transaction that changes them. */
	void changed() {
		compiled.changed();
	}

}
