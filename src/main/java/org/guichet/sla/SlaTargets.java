package org.guichet.sla;

import java.time.Duration;

import org.guichet.system.InvalidInputException;

/**
 * The business time allowed to take a ticket in charge (TTO) and to resolve it (TTR), and the
 * share of it after which the ticket is at risk.
 */
public record SlaTargets(Duration timeToOwn, Duration timeToResolve, int atRiskPercent) {

	public static final int DEFAULT_AT_RISK_PERCENT = 75;

	public SlaTargets {
		if (timeToOwn.isNegative() || timeToOwn.isZero()) {
			throw new InvalidInputException("timeToOwn", "sla.target.positive", "The time to own must be positive");
		}
		if (timeToResolve.compareTo(timeToOwn) < 0) {
			throw new InvalidInputException("timeToResolve", "sla.target.ttr-shorter",
					"The time to resolve cannot be shorter than the time to own");
		}
		if (atRiskPercent < 1 || atRiskPercent > 99) {
			throw new InvalidInputException("atRiskPercent", "sla.target.risk-percent",
					"The at-risk share must be from 1 to 99 %");
		}
	}

	public SlaTargets(Duration timeToOwn, Duration timeToResolve) {
		this(timeToOwn, timeToResolve, DEFAULT_AT_RISK_PERCENT);
	}

	Duration atRisk(Duration target) {
		return target.multipliedBy(atRiskPercent).dividedBy(100);
	}

}
