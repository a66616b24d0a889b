package org.guichet.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps each computed result for {@code guichet.kpis.max-age} (ISO-8601 duration, default
 * PT60S; PT0S keeps nothing), by a key that holds the filter already narrowed to the reader's
 * scope. Emptied when a target changes. Bounded: past {@value #MAX_ENTRIES} results, the
 * expired ones go, then all of them.
 */
@Component
class KpiCache {

	static final int MAX_ENTRIES = 1000;

	private record Kept(Instant at, Object value) {
	}

	private final Map<Object, Kept> kept = new ConcurrentHashMap<>();

	private final Duration maxAge;

	private final Clock clock;

	KpiCache(@Value("${guichet.kpis.max-age:PT60S}") Duration maxAge, Clock clock) {
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/**
	 * The result kept for the key if younger than the max age, else the one {@code compute} gives
	 * for the current instant (its "as of"), kept from then.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Function<Instant, T> compute) {
		Instant now = clock.instant();
		Kept found = kept.get(key);
		if (found != null && found.at().plus(maxAge).isAfter(now)) {
			return (T) found.value();
		}
		T value = compute.apply(now);
		if (!maxAge.isZero()) {
			if (kept.size() >= MAX_ENTRIES) {
				kept.values().removeIf(old -> !old.at().plus(maxAge).isAfter(now));
				if (kept.size() >= MAX_ENTRIES) {
					kept.clear();
				}
			}
			kept.put(key, new Kept(now, value));
		}
		return value;
	}

	/** Forgets every result (a target changed). */
	void clear() {
		kept.clear();
	}

}
