package org.guichet.calendars;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.guichet.system.VersionMismatchException;
import org.guichet.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calendars stored and read back through the real schema, on H2 and on PostgreSQL.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(Calendars.class)
class CalendarPersistenceIT {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	private Calendars calendars;

	@Autowired
	private EntityManager em;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void everyKindOfHolidayWholeDaysAndOpeningsSurviveTheDatabase() {
		Holiday christmas = Holiday.yearly(MonthDay.of(12, 25));
		Holiday bridge = Holiday.on(LocalDate.of(2027, 5, 7));
		BusinessCalendar calendar = BusinessCalendar.builder(NEW_YORK)
			.open("00:00", "24:00", DayOfWeek.SUNDAY)
			.open("08:30:15", "12:00", DayOfWeek.MONDAY)
			.open("22:00", "24:00", DayOfWeek.FRIDAY)
			.holiday(christmas)
			.holiday(bridge)
			.holiday(Holiday.between(LocalDate.of(2027, 8, 9), LocalDate.of(2027, 8, 13)))
			.holiday(Holiday.daysAfterEaster(-2))
			.exceptionalOpening(ExceptionalOpening.of(LocalDate.of(2027, 12, 25), TimeRange.of("09:00", "12:00"),
					TimeRange.of("20:00", "24:00")))
			.exceptionalOpening(ExceptionalOpening.of(LocalDate.of(2027, 12, 4), TimeRange.of("10:00", "11:00")))
			.build();

		long id = this.calendars.create("Round trip", calendar, Map.of(christmas, "Christmas", bridge, "Bridge")).id();
		this.em.flush();
		this.em.clear();

		NamedCalendar read = this.calendars.get(id);
		assertThat(read.calendar()).isEqualTo(calendar);
		assertThat(read.calendar().ranges()).contains(WorkingRange.of(DayOfWeek.SUNDAY, TimeRange.of("00:00", "24:00")));
		assertThat(read.holidayLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(christmas, "Christmas", bridge, "Bridge"));
		assertThat(read.name()).isEqualTo("Round trip");
	}

	@Test
	void definingAnExistingNameReplacesItsCalendar() {
		NamedCalendar first = this.calendars.define("24/7 test", StandardCalendars.twentyFourSeven());

		NamedCalendar second = this.calendars.define("24/7 test", StandardCalendars.frenchOffice());
		this.em.flush();
		this.em.clear();

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(this.calendars.calendar(first.id())).isEqualTo(StandardCalendars.frenchOffice());
	}

	@Test
	void aChangedCalendarIsBuiltAgainAndAStaleChangeIsRefused() {
		long id = this.calendars.define("Office", StandardCalendars.frenchOffice()).id();
		Instant saturday = Instant.parse("2027-03-27T10:00:00Z");
		assertThat(this.calendars.calendar(id).isWorkingTime(saturday)).isFalse();

		this.calendars.update(id, 0, "Office", StandardCalendars.twentyFourSeven(), Map.of());
		this.em.flush();

		assertThat(this.calendars.calendar(id).isWorkingTime(saturday)).isTrue();
		assertThatThrownBy(() -> this.calendars.update(id, 0, "Office", StandardCalendars.frenchOffice(), Map.of()))
			.isInstanceOfSatisfying(VersionMismatchException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("calendar.stale");
				assertThat(ex.currentVersion()).isEqualTo(1);
			});
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void aTransactionKeepsTheCalendarItFirstReadAndTheNextOneReadsAnotherNodesChange() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		TransactionTemplate other = new TransactionTemplate(this.transactionManager);
		other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		long id = transaction.execute((status) -> this.calendars.create("Changed elsewhere", StandardCalendars.frenchOffice(),
				Map.of()).id());
		Instant saturday = Instant.parse("2027-03-27T10:00:00Z");
		try {
			transaction.executeWithoutResult((status) -> {
				assertThat(this.calendars.calendar(id).isWorkingTime(saturday)).isFalse();
				other.executeWithoutResult((nested) -> this.calendars.update(id, 0, "Changed elsewhere",
						StandardCalendars.twentyFourSeven(), Map.of()));

				assertThat(this.calendars.calendar(id).isWorkingTime(saturday)).isFalse();
				assertThat(this.calendars.version(id)).isZero();
			});

			boolean open = Boolean.TRUE.equals(transaction.execute((status) -> this.calendars.calendar(id).isWorkingTime(saturday)));
			assertThat(open).isTrue();
			assertThat(this.calendars.version(id)).isEqualTo(1);
		}
		finally {
			transaction.executeWithoutResult((status) -> this.calendars.delete(id));
		}
	}

}
