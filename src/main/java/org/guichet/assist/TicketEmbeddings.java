package org.guichet.assist;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tickets' sentence embeddings, the semantic half of {@link SimilarTickets}: the in-process
 * ONNX model all-MiniLM-L6-v2 (quantised, 384 dimensions, English only: see docs/ASSIST.md),
 * turned on by {@code guichet.assist.embeddings.enabled} (off by default). Each ticket's title and
 * description are embedded once, in the background ({@link EmbeddingJob}), and stored in {@code
 * ticket_embedding} at unit length; each node keeps them in memory, catching up with the rows
 * written since it last read, and compares one ticket with all of them by their dot product (the
 * cosine, the vectors being of unit length), each vector held in memory as bytes
 * ({@link Quantised}: a quarter of the memory, and a scan of 100,000 in about 15 ms of CPU where
 * floats took 35 to 50).
 */
@Component
public class TicketEmbeddings {

	/** The model's name, as stored with each vector: a new model computes every ticket again. */
	public static final String MODEL = "all-minilm-l6-v2-q";

	/** The most characters of a ticket's text embedded: the model reads 256 word pieces at most anyway. */
	static final int MAX_TEXT = 2000;

	/**
	 * A ticket near another.
	 *
	 * @param ticketId the ticket's id
	 * @param cosine the cosine of the two embeddings, -1 to 1
	 */
	public record Neighbour(long ticketId, double cosine) {
	}

	private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean enabled;

	private final Map<Long, Quantised> vectors = new ConcurrentHashMap<>();

	private @Nullable Instant readUpTo;

	private @Nullable EmbeddingModel model;

	TicketEmbeddings(JdbcClient jdbc, Clock clock,
			@Value("${guichet.assist.embeddings.enabled:false}") boolean enabled) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.enabled = enabled;
	}

	/** Whether the model is on: otherwise nothing is embedded and no ticket has a neighbour. */
	public boolean enabled() {
		return enabled;
	}

	/**
	 * The tickets whose embeddings are nearest the given ticket's, best first, at most {@code max},
	 * whoever may see them (the caller applies visibility).
	 *
	 * @return none when the model is off or the ticket has no embedding yet
	 */
	public List<Neighbour> nearest(long ticketId, int max) {
		if (!enabled) {
			return List.of();
		}
		catchUp();
		Quantised query = vectors.get(ticketId);
		if (query == null) {
			return List.of();
		}
		PriorityQueue<Neighbour> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::cosine));
		vectors.forEach((id, vector) -> {
			if (id != ticketId) {
				best.add(new Neighbour(id, query.dot(vector)));
				if (best.size() > max) {
					best.poll();
				}
			}
		});
		List<Neighbour> nearest = new ArrayList<>(best);
		nearest.sort(Comparator.comparingDouble(Neighbour::cosine).reversed());
		return nearest;
	}

	/**
	 * Embeds up to {@code batch} tickets that have no embedding of this model yet, oldest first, and
	 * stores them: what {@link EmbeddingJob} runs. Cancelled tickets are embedded too (they are
	 * never shown, and are few).
	 *
	 * @return how many were embedded; 0 when the model is off
	 */
	int embedPending(int batch) {
		if (!enabled) {
			return 0;
		}
		record Pending(long id, String title, @Nullable String description) {
		}
		List<Pending> pending = jdbc.sql("""
				select t.id, t.title, t.description from ticket t
				where not exists (select 1 from ticket_embedding e where e.ticket_id = t.id and e.model = :model)
				order by t.id
				limit :batch""")
			.param("model", MODEL)
			.param("batch", batch)
			.query((row, n) -> new Pending(row.getLong(1), row.getString(2), row.getString(3)))
			.list();
		for (Pending ticket : pending) {
			String text = ticket.title() + "\n" + (ticket.description() == null ? "" : ticket.description());
			float[] vector = embed(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
			Instant now = clock.instant();
			jdbc.sql("delete from ticket_embedding where ticket_id = :id").param("id", ticket.id()).update();
			jdbc.sql("insert into ticket_embedding (ticket_id, model, vector, computed_at) values (:id, :model, :vector, :at)")
				.param("id", ticket.id())
				.param("model", MODEL)
				.param("vector", bytes(vector))
				.param("at", Timestamp.from(now))
				.update();
		}
		return pending.size();
	}

	/** A text's embedding at unit length. */
	float[] embed(String text) {
		return unit(model().embed(text).content().vector());
	}

	private synchronized EmbeddingModel model() {
		if (model == null) {
			// on the calling thread: the job's, never a request's
			model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
		}
		return model;
	}

	/**
	 * Reads the rows written since the last reading (by any node), from a minute before it: a row
	 * whose write committed a moment after its time was taken is not missed.
	 */
	private synchronized void catchUp() {
		Instant since = readUpTo == null ? Instant.EPOCH : readUpTo.minus(CATCH_UP_MARGIN);
		Instant[] latest = { since };
		jdbc.sql("select ticket_id, vector, computed_at from ticket_embedding where model = :model and computed_at >= :since")
			.param("model", MODEL)
			.param("since", Timestamp.from(since))
			.query((row, n) -> {
				vectors.put(row.getLong(1), Quantised.of(floats(row.getBytes(2))));
				Instant at = row.getTimestamp(3).toInstant();
				if (at.isAfter(latest[0])) {
					latest[0] = at;
				}
				return null;
			})
			.list();
		readUpTo = latest[0];
	}

	static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	static float[] unit(float[] vector) {
		double norm = Math.sqrt(dot(vector, vector));
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
		}
		return unit;
	}

	static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	static float[] floats(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
		return vector;
	}

	/**
	 * A unit vector held as bytes: each component divided by the largest one's magnitude and
	 * rounded to -127..127, with that scale. The dot product of two, an integer sum the JIT
	 * vectorises, then scaled, is the cosine to within about 0.01.
	 */
	record Quantised(byte[] values, float scale) {

		static Quantised of(float[] vector) {
			float max = 0;
			for (float component : vector) {
				max = Math.max(max, Math.abs(component));
			}
			float scale = max / 127f;
			byte[] values = new byte[vector.length];
			for (int i = 0; i < vector.length; i++) {
				values[i] = scale == 0 ? 0 : (byte) Math.round(vector[i] / scale);
			}
			return new Quantised(values, scale);
		}

		double dot(Quantised other) {
			byte[] a = values;
			byte[] b = other.values;
			int sum = 0;
			for (int i = 0; i < a.length; i++) {
				sum += a[i] * b[i];
			}
			return sum * (double) scale * other.scale;
		}

	}

}
