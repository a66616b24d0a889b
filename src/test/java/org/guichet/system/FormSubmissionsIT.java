package org.guichet.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.guichet.testing.GuichetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record of submitted forms on the database itself (H2 and PostgreSQL): of simultaneous
 * claims of one token, one wins and the others get its result; a released token can be claimed
 * again; a submission that never finishes is not processed twice; old ones are forgotten.
 */
@GuichetIntegrationTest
class FormSubmissionsIT {

	private static final int CLAIMANTS = 8;

	@Autowired
	FormSubmissions submissions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Test
	void ofSimultaneousClaimsOfOneTokenOneWinsAndTheOthersGetItsResult() throws Exception {
		for (int round = 0; round < 5; round++) {
			String token = FormTokenFields.newToken();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(CLAIMANTS);
			try {
				List<Future<String>> answers = new ArrayList<>();
				for (int i = 0; i < CLAIMANTS; i++) {
					answers.add(pool.submit(() -> {
						start.await();
						String earlier = submissions.claim("alice", token);
						if (earlier != null) {
							return "answered " + earlier;
						}
						Thread.sleep(100);
						submissions.complete("alice", token, "/portal/tickets/42");
						return "processed";
					}));
				}
				start.countDown();
				List<String> results = new ArrayList<>();
				for (Future<String> answer : answers) {
					results.add(answer.get(30, TimeUnit.SECONDS));
				}
				assertThat(results).filteredOn("processed"::equals).hasSize(1);
				assertThat(results).filteredOn("answered /portal/tickets/42"::equals).hasSize(CLAIMANTS - 1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aReleasedTokenIsClaimedAgainAndAnsweredOnlyOnceCompleted() {
		String token = FormTokenFields.newToken();

		assertThat(submissions.claim("bob", token)).isNull();
		submissions.release("bob", token);
		assertThat(submissions.claim("bob", token)).isNull();
		submissions.complete("bob", token, "/admin/users");
		submissions.release("bob", token);

		assertThat(submissions.claim("bob", token)).isEqualTo("/admin/users");
		assertThat(submissions.claim("carol", token)).as("another user's token of the same value").isNull();
	}

	@Test
	void aSubmissionThatNeverFinishesIsNotProcessedAgainAndSaysSo() {
		FormSubmissions impatient = new FormSubmissions(jdbc, transactions, clock, Duration.ofDays(1),
				Duration.ofMillis(300));
		String token = FormTokenFields.newToken();
		assertThat(impatient.claim("dave", token)).isNull();

		assertThatThrownBy(() -> impatient.claim("dave", token)).isInstanceOf(ConflictException.class)
			.extracting(ex -> ((ConflictException) ex).messageKey())
			.isEqualTo("form.still-running");
	}

	@Test
	void submissionsOlderThanTheRetentionAreForgotten() {
		Instant now = clock.instant();
		FormSubmissions lastWeek = new FormSubmissions(jdbc, transactions,
				Clock.fixed(now.minus(Duration.ofDays(7)), ZoneOffset.UTC), Duration.ofDays(1), Duration.ofSeconds(1));
		String old = FormTokenFields.newToken();
		String recent = FormTokenFields.newToken();
		String user = "erin-" + UUID.randomUUID();
		assertThat(lastWeek.claim(user, old)).isNull();
		lastWeek.complete(user, old, "/portal/tickets/1");
		assertThat(submissions.claim(user, recent)).isNull();
		submissions.complete(user, recent, "/portal/tickets/2");

		submissions.purge();

		assertThat(jdbc.queryForList("select token from form_submission where user_name = ?", String.class, user))
			.containsExactly(recent);
		assertThat(submissions.claim(user, old)).as("forgotten: processed again").isNull();
	}

}
