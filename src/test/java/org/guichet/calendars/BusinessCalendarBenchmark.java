package org.guichet.calendars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of deadline computation on the French office calendar (7.5 business hours a day),
 * from random starts over 2027, for 4 hours, 8 hours, 2 and 5 business days. Not a test: run with
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main BusinessCalendarBenchmark -f 1 -wi 2 -w 5s -i 3 -r 5s -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessCalendarBenchmark {

	private static final int STARTS = 1 << 12;

	@Param({ "PT4H", "PT8H", "PT15H", "PT37H30M" })
	public String businessTime;

	private final BusinessCalendar calendar = StandardCalendars.frenchOffice();

	private final Instant[] starts = new Instant[STARTS];

	private Duration duration;

	private int next;

	@Setup
	public void setUp() {
		Random random = new Random(2027);
		Instant first = LocalDateTime.parse("2027-01-01T00:00").atZone(ZoneId.of("Europe/Paris")).toInstant();
		for (int i = 0; i < STARTS; i++) {
			this.starts[i] = first.plusSeconds(random.nextInt(365 * 86_400));
		}
		this.duration = Duration.parse(this.businessTime);
	}

	@Benchmark
	public Instant addBusinessTime() {
		Instant start = this.starts[this.next++ & (STARTS - 1)];
		return this.calendar.addBusinessTime(start, this.duration);
	}

}
