package org.guichet.mail.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.guichet.mail.ingest.IngestionOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order a fetched batch is ingested in on several threads: messages tied by their
 * conversation, their sender or the ticket they name stay in the batch's order and never run at
 * once; the others are free.
 */
class OrderedIngestionTests {

	private static byte[] mail(String id, String from, String subject, String... headers) {
		StringBuilder raw = new StringBuilder("Message-ID: <" + id + ">\r\nFrom: Someone <" + from + ">\r\nSubject: "
				+ subject + "\r\n");
		for (String header : headers) {
			raw.append(header).append("\r\n");
		}
		return raw.append("\r\nHello\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<List<String>> groups(byte[]... mails) {
		List<byte[]> items = List.of(mails);
		return OrderedIngestion.groups(items, IngestionOrder::keys)
			.stream()
			.map(group -> group.stream().map(OrderedIngestionTests::id).toList())
			.toList();
	}

	/** The Message-ID of a test mail, to name it in the assertions. */
	private static String id(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		return text.substring(text.indexOf('<') + 1, text.indexOf('>'));
	}

	@Test
	void anAnswerByAnotherSenderJoinsTheMailItAnswersAfterIt() {
		assertThat(groups(mail("a", "alice@example.org", "Printer"), mail("b", "bob@example.org", "Screen"),
				mail("c", "tech@example.org", "Re: Printer", "In-Reply-To: <a>"))).containsExactly(List.of("a", "c"),
						List.of("b"));
	}

	@Test
	void aChainJoinsByReferencesOrByTheParentItAnswers() {
		assertThat(groups(mail("root", "alice@example.org", "Printer"),
				mail("r1", "tech@example.org", "Re: Printer", "In-Reply-To: <root>", "References: <root>"),
				mail("other", "carol@example.org", "Badge"),
				mail("r2", "dan@example.org", "Re: Printer", "In-Reply-To: <r1>"),
				mail("r3", "erin@example.org", "Re: Printer", "References: <root> <r1> <r2>")))
			.containsExactly(List.of("root", "r1", "r2", "r3"), List.of("other"));
	}

	@Test
	void oneSenderWrittenInAnyCaseIsOneGroupAndTheTicketOfTheSubjectTiesItsFollowUps() {
		assertThat(groups(mail("a", "New@Example.org", "One"), mail("b", "x@example.org", "Two"),
				mail("c", "new@example.ORG", "Three"), mail("d", "y@example.org", "Re: [#1042] Printer"),
				mail("e", "z@example.org", "[#1042] again"), mail("f", "w@example.org", "[#1043]")))
			.containsExactly(List.of("a", "c"), List.of("b"), List.of("d", "e"), List.of("f"));
	}

	@Test
	void bytesWithoutAHeaderAreAGroupOfTheirOwn() {
		byte[] garbage = "\u0000\u0001 not a mail".getBytes(StandardCharsets.UTF_8);
		assertThat(IngestionOrder.keys(garbage)).isEmpty();
		assertThat(OrderedIngestion.groups(List.of(garbage, garbage.clone()), IngestionOrder::keys)).hasSize(2);
	}

	@Test
	void onTwoThreadsTiedItemsNeverOverlapAndKeepTheirOrderWhileOthersRunBeside() throws Exception {
		OrderedIngestion ordering = new OrderedIngestion(2, 1);
		try {
			Random random = new Random(11);
			for (int round = 0; round < 30; round++) {
				List<Integer> items = new ArrayList<>();
				Map<Integer, Set<String>> keys = new ConcurrentHashMap<>();
				for (int i = 0; i < 40; i++) {
					items.add(i);
					keys.put(i, Set.of("k" + random.nextInt(12)));
				}
				List<int[]> spans = new CopyOnWriteArrayList<>();
				Set<String> threads = ConcurrentHashMap.newKeySet();
				long origin = System.nanoTime();
				ordering.run(items, keys::get, run -> {
					int item = run.get(0);
					long start = System.nanoTime() - origin;
					threads.add(Thread.currentThread().getName());
					busy(200_000);
					spans.add(new int[] { item, (int) (start / 1000), (int) ((System.nanoTime() - origin) / 1000) });
				});
				assertThat(spans).hasSize(40);
				for (int[] a : spans) {
					for (int[] b : spans) {
						if (a[0] < b[0] && !Collections.disjoint(keys.get(a[0]), keys.get(b[0]))) {
							assertThat(a[2]).as("item %d ends before tied item %d starts", a[0], b[0]).isLessThanOrEqualTo(b[1]);
						}
					}
				}
				assertThat(threads).allMatch(name -> name.startsWith("mail-ingest-"));
			}
			Set<String> used = ConcurrentHashMap.newKeySet();
			ordering.run(List.of(1, 2, 3, 4), item -> Set.of("k" + item), run -> {
				used.add(Thread.currentThread().getName());
				busy(20_000_000);
			});
			assertThat(used).as("untied items run on both threads").hasSize(2);
		}
		finally {
			ordering.stop();
		}
	}

	@Test
	void groupsAreDealtWholeToTheEmptiestLaneAndEachLaneKeepsTheBatchsOrder() {
		List<List<Integer>> groups = List.of(List.of(0, 3, 4), List.of(1), List.of(2), List.of(5, 6), List.of(7));

		assertThat(OrderedIngestion.lanes(groups, 2)).containsExactly(List.of(0, 3, 4, 7), List.of(1, 2, 5, 6));
		assertThat(OrderedIngestion.lanes(groups, 1)).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7));
		assertThat(OrderedIngestion.lanes(List.of(List.of(0)), 2)).as("no empty lane").containsExactly(List.of(0));
		assertThat(OrderedIngestion.runs(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4),
				List.of(5));
	}

	@Test
	void onTwoThreadsEveryItemIsIngestedOnceInRunsOfAtMostTheSizeAndTiedItemsInTheirOrder() throws Exception {
		OrderedIngestion ordering = new OrderedIngestion(2, 4);
		try {
			Random random = new Random(12);
			for (int round = 0; round < 30; round++) {
				List<Integer> items = new ArrayList<>();
				Map<Integer, Set<String>> keys = new ConcurrentHashMap<>();
				int size = 1 + random.nextInt(40);
				for (int i = 0; i < size; i++) {
					items.add(i);
					keys.put(i, Set.of("k" + random.nextInt(8)));
				}
				List<List<Integer>> runs = new CopyOnWriteArrayList<>(); // in the order they ran
				ordering.run(items, keys::get, runs::add);

				assertThat(runs).allSatisfy(run -> assertThat(run).hasSizeBetween(1, 4).isSorted());
				assertThat(runs.stream().flatMap(List::stream).sorted().toList()).isEqualTo(items);
				Map<String, Integer> lastOfKey = new HashMap<>();
				for (List<Integer> run : runs) {
					for (int item : run) {
						for (String key : keys.get(item)) {
							Integer before = lastOfKey.put(key, item);
							assertThat(before == null || before < item).as("item %d after %d of key %s", item, before, key)
								.isTrue();
						}
					}
				}
			}
		}
		finally {
			ordering.stop();
		}
	}

	private static void busy(long nanos) {
		long end = System.nanoTime() + nanos;
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

}
