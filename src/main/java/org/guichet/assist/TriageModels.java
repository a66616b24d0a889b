package org.guichet.assist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guichet.system.CacheGenerations;
import org.guichet.system.SharedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's triage models: kept in the database ({@code assist_model}, so that they survive a
 * restart and every node of the desk reads the same), and in each node's memory once read, for
 * suggestions without a query, until a training on any node replaces them ({@link SharedCache}).
 * Thread-safe: a new training replaces the whole set at once.
 */
@Component
class TriageModels {

	private static final Logger log = LoggerFactory.getLogger(TriageModels.class);

	/** A stored model's facts. */
	record Trained(TriageField field, Instant trainedAt, int examples, int labels) {
	}

	private final JdbcClient jdbc;

	private final SharedCache<Map<TriageField, TriageModel>> loaded;

	TriageModels(JdbcClient jdbc, CacheGenerations generations) {
		this.jdbc = jdbc;
		this.loaded = new SharedCache<>(generations, "triage-models", this::read);
	}

	/** The model of each field that has one, read from the database at the first call and after each training. */
	Map<TriageField, TriageModel> current() {
		return loaded.get();
	}

	private Map<TriageField, TriageModel> read() {
		Map<TriageField, TriageModel> models = new EnumMap<>(TriageField.class);
		jdbc.sql("select field, content from assist_model").query((row, n) -> {
			TriageField field = TriageField.valueOf(row.getString(1));
			try {
				models.put(field, TriageModelFormat.read(row.getBytes(2)));
			}
			catch (IllegalArgumentException e) {
				log.warn("Triage model of {} unreadable, left out until the next training: {}", field, e.getMessage());
			}
			return field;
		}).list();
		return Collections.unmodifiableMap(models);
	}

	/** What is stored, by field. */
	List<Trained> trained() {
		return jdbc.sql("select field, trained_at, examples, labels from assist_model order by field")
			.query((row, n) -> new Trained(TriageField.valueOf(row.getString(1)),
					row.getObject(2, java.time.OffsetDateTime.class).toInstant(), row.getInt(3), row.getInt(4)))
			.list();
	}

	/**
	 * Stores a training's models, one per field, in place of the former ones, and uses them from
	 * the commit on. A field missing from {@code models} has no model any more (too few examples).
	 */
	@Transactional
	void replace(Map<TriageField, TriageModel> models, Map<TriageField, Integer> examples, Instant at) {
		jdbc.sql("delete from assist_model").update();
		models.forEach((field, model) -> jdbc
			.sql("insert into assist_model (field, trained_at, examples, labels, content) values (?, ?, ?, ?, ?)")
			.params(field.name(), Timestamp.from(at), examples.get(field), model.labels().size(),
					TriageModelFormat.write(model))
			.update());
		loaded.changed();
	}

	/** Whether any model is stored. */
	boolean any() {
		return jdbc.sql("select count(*) from assist_model").query(Long.class).single() > 0;
	}

}
