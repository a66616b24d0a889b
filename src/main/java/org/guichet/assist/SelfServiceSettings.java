package org.guichet.assist;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.system.CacheGenerations;
import org.guichet.system.InvalidInputException;
import org.guichet.system.SharedCache;
import org.guichet.system.VersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's settings of the self-service resolution (docs/ASSIST.md): the least
 * confidence for an article to be offered ({@code self_service_settings}, one row) and the
 * categories where it may be ({@code self_service_category}; a category allows its
 * sub-categories). No category chosen, as on a new desk: nothing is ever offered. Each node keeps a
 * copy ({@link SharedCache}): reading them, at every registration, costs no statement.
 */
@Service
public class SelfServiceSettings {

	/** The threshold of a new desk: four terms of five of the ticket's title in the article's. */
	public static final double DEFAULT_THRESHOLD = 0.8;

	/** The settings as they are stored; {@code categories} unmodifiable. */
	private record Stored(double threshold, Set<Long> categories, long version) {
	}

	private final JdbcClient jdbc;

	private final SharedCache<Stored> stored;

	SelfServiceSettings(JdbcClient jdbc, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.stored = new SharedCache<>(generations, "self-service-settings", this::read);
	}

	/** The least confidence for an article to be offered, above 0 to 1. */
	public double threshold() {
		return stored.get().threshold();
	}

	/** The ids of the categories chosen, in no order; empty while the feature is off. */
	public Set<Long> categories() {
		return stored.get().categories();
	}

	/** Whether any category is chosen: the feature is on. */
	public boolean on() {
		return !categories().isEmpty();
	}

	/** How many times the settings were saved: the version a change names. */
	public long version() {
		return stored.get().version();
	}

	/** As {@link #set(double, Collection, Long)}, whatever was saved since. */
	@Transactional
	public void set(double threshold, Collection<Long> categoryIds) {
		set(threshold, categoryIds, null);
	}

	/**
	 * Sets the threshold and the categories at once.
	 *
	 * @param threshold the least confidence, a fraction above 0 (0 would offer any article found)
	 * to 1 (0.8 for 80 %)
	 * @param categoryIds the categories where an article may be offered; empty turns the feature off
	 * @throws InvalidInputException (field {@code selfServiceThreshold},
	 * {@code assist.self-service.threshold.range}, the threshold as argument) for a threshold outside
	 * that range, (field {@code selfServiceCategories}, {@code assist.self-service.category.unknown},
	 * the unknown ids as argument) for ids that name no category
	 * @param expectedVersion the {@link #version()} the change was made on; null to skip the check
	 * @throws VersionMismatchException when they were saved since {@code expectedVersion}
	 */
	@Transactional
	public void set(double threshold, Collection<Long> categoryIds, @Nullable Long expectedVersion) {
		if (expectedVersion != null) {
			VersionMismatchException.check(expectedVersion, jdbc
				.sql("select version from self_service_settings where id = 1 for update").query(Long.class).single());
		}
		if (!(threshold > 0 && threshold <= 1)) {
			throw new InvalidInputException("selfServiceThreshold", "assist.self-service.threshold.range",
					"The least confidence is a fraction above 0 and at most 1 (0.8 for 80 %), not {0}", threshold);
		}
		Set<Long> ids = new LinkedHashSet<>(categoryIds);
		Set<Long> unknown = new LinkedHashSet<>(ids);
		if (!ids.isEmpty()) {
			unknown.removeAll(
					jdbc.sql("select id from category where id in (:ids)").param("ids", ids).query(Long.class).list());
		}
		if (!unknown.isEmpty()) {
			String named = unknown.stream().map(String::valueOf).collect(Collectors.joining(", "));
			throw new InvalidInputException("selfServiceCategories", "assist.self-service.category.unknown",
					"No category has the id {0}", named);
		}
		jdbc.sql("update self_service_settings set threshold = ?, version = version + 1 where id = 1")
			.param(threshold)
			.update();
		jdbc.sql("delete from self_service_category").update();
		for (Long id : ids) {
			jdbc.sql("insert into self_service_category (category_id) values (?)").param(id).update();
		}
		stored.changed();
	}

	private Stored read() {
		Set<Long> categories = new LinkedHashSet<>(
				jdbc.sql("select category_id from self_service_category order by category_id").query(Long.class).list());
		return jdbc.sql("select threshold, version from self_service_settings where id = 1")
			.query((rs, row) -> new Stored(rs.getDouble(1), Collections.unmodifiableSet(categories), rs.getLong(2)))
			.single();
	}

}
