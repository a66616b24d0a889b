package org.guichet.assist;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding model for real (all-MiniLM-L6-v2 quantised, about 1 s to load) over a database
 * holding the columns of {@code ticket} it reads and {@code ticket_embedding} as its migration
 * makes it.
 */
class TicketEmbeddingsTests {

	private static JdbcTemplate jdbc;

	private static TicketEmbeddings embeddings;

	@BeforeAll
	static void embedFourTickets() throws Exception {
		jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
		jdbc.execute("create table ticket (id bigint primary key, title varchar(200) not null, description text)");
		try (var sql = TicketEmbeddingsTests.class.getResourceAsStream("/db/migration/V202612140200__ticket_embedding.sql")) {
			jdbc.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
		}
		jdbc.update("insert into ticket values (1, 'VPN disconnects every morning', 'The tunnel drops at nine')");
		jdbc.update("insert into ticket values (2, 'Printer out of toner', 'Second floor printer')");
		jdbc.update("insert into ticket values (3, 'My VPN connection keeps dropping in the morning', null)");
		jdbc.update("insert into ticket values (4, 'Le VPN se déconnecte tous les matins', 'Le tunnel tombe à 9 h')");
		embeddings = new TicketEmbeddings(JdbcClient.create(jdbc), Clock.systemUTC(), true);
	}

	@Test
	void embedsTheTicketsWithoutAnEmbeddingOnceAndFindsTheEnglishParaphraseNearest() {
		assertThat(embeddings.embedPending(3)).isEqualTo(3);
		assertThat(embeddings.embedPending(3)).as("the rest").isEqualTo(1);
		assertThat(embeddings.embedPending(3)).as("each once").isZero();
		assertThat(jdbc.queryForObject("select count(*) from ticket_embedding where model = ?", Integer.class,
				TicketEmbeddings.MODEL)).isEqualTo(4);

		var nearest = embeddings.nearest(1, 3);

		assertThat(nearest).extracting(TicketEmbeddings.Neighbour::ticketId).first().isEqualTo(3L);
		assertThat(nearest.get(0).cosine()).isGreaterThan(0.6);
		assertThat(nearest).filteredOn(n -> n.ticketId() == 2).singleElement()
			.satisfies(n -> assertThat(n.cosine()).isLessThan(0.3));
		assertThat(embeddings.nearest(99, 3)).as("a ticket not embedded yet").isEmpty();
	}

	@Test
	void theModelIsEnglishOnlyAFrenchTwinIsFarBelowTheDuplicateCosine() {
		double crossLanguage = TicketEmbeddings.dot(embeddings.embed("VPN disconnects every morning"),
				embeddings.embed("Le VPN se déconnecte tous les matins"));

		assertThat(crossLanguage).isLessThan(SimilarTickets.DUPLICATE_COSINE);
	}

	@Test
	void aVectorIsStoredAtUnitLengthAndReadBackEqual() {
		float[] vector = TicketEmbeddings.unit(new float[] { 3, 4 });

		assertThat(vector).containsExactly(0.6f, 0.8f);
		assertThat(TicketEmbeddings.floats(TicketEmbeddings.bytes(vector))).containsExactly(vector);
		assertThat(TicketEmbeddings.unit(new float[] { 0, 0 })).containsExactly(0f, 0f);
	}

	@Test
	void theBytesHeldInMemoryGiveTheCosineToWithinAHundredth() {
		java.util.Random random = new java.util.Random(13);
		for (int round = 0; round < 500; round++) {
			float[] a = gaussian(random);
			float[] b = random.nextBoolean() ? gaussian(random) : nearby(a, random);
			double exact = TicketEmbeddings.dot(a, b);

			assertThat(TicketEmbeddings.Quantised.of(a).dot(TicketEmbeddings.Quantised.of(b))).isCloseTo(exact,
					org.assertj.core.api.Assertions.within(0.01));
		}
		assertThat(TicketEmbeddings.Quantised.of(new float[] { 0, 0 }).dot(TicketEmbeddings.Quantised.of(new float[] { 1, 0 })))
			.isZero();
	}

	private static float[] gaussian(java.util.Random random) {
		float[] vector = new float[384];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return TicketEmbeddings.unit(vector);
	}

	private static float[] nearby(float[] vector, java.util.Random random) {
		float[] near = vector.clone();
		for (int i = 0; i < near.length; i++) {
			near[i] += (float) (random.nextGaussian() * 0.02);
		}
		return TicketEmbeddings.unit(near);
	}

	@Test
	void offItEmbedsNothingAndFindsNoNeighbour() {
		TicketEmbeddings off = new TicketEmbeddings(JdbcClient.create(jdbc), Clock.systemUTC(), false);

		assertThat(off.embedPending(10)).isZero();
		assertThat(off.nearest(1, 3)).isEmpty();
	}

}
