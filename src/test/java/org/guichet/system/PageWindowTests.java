package org.guichet.system;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageWindowTests {

	/** Rows 0 to {@code count - 1}, read as a repository reads them for {@code rows}. */
	private static List<Integer> read(int count, Pageable rows) {
		return IntStream.range(0, count).boxed().skip(rows.getOffset()).limit(rows.getPageSize()).toList();
	}

	@Test
	void aListOneRowLongerThanAPageShowsItsLastRowAloneOnPageTwo() {
		PageWindow first = new PageWindow(0, 25);
		PageWindow second = new PageWindow(1, 25);

		List<Integer> firstRead = read(26, first.rows(Sort.unsorted()));
		List<Integer> secondRead = read(26, second.rows(Sort.unsorted()));

		assertThat(first.shown(firstRead)).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
		assertThat(first.hasNext(firstRead)).isTrue();
		assertThat(second.shown(secondRead)).containsExactly(25);
		assertThat(second.hasNext(secondRead)).isFalse();
	}

	@Test
	void aPageStartsAfterThePagesBeforeItAndReadsOneRowMore() {
		PageWindow window = new PageWindow(3, 20);

		assertThat(window.offset()).isEqualTo(60);
		assertThat(window.limit()).isEqualTo(21);
		Pageable rows = window.rows(Sort.by("id"));
		assertThat(rows.getOffset()).isEqualTo(60);
		assertThat(rows.getPageSize()).isEqualTo(21);
		assertThat(rows.getSort()).isEqualTo(Sort.by("id"));
		assertThat(rows.next().getOffset()).isEqualTo(80);
		assertThat(rows.previousOrFirst().getOffset()).isEqualTo(40);
		assertThat(rows.first().getOffset()).isZero();
	}

	@Test
	void aListThatEndsOnThePageHasNoNextPage() {
		PageWindow window = new PageWindow(1, 10);

		List<Integer> read = read(20, window.rows(Sort.unsorted()));

		assertThat(window.shown(read)).hasSize(10);
		assertThat(window.hasNext(read)).isFalse();
	}

	@Test
	void aPageOutsideWhatAListAnswersOrAnEmptyPageIsRefused() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new PageWindow(-1, 10))
			.satisfies(refused -> assertThat(refused.field()).isEqualTo(Pager.PAGE));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new PageWindow(Pager.MAX_PAGE + 1, 10));
		assertThat(new PageWindow(Pager.MAX_PAGE, 100).offset()).isEqualTo(10_000_000L);
		assertThatIllegalArgumentException().isThrownBy(() -> new PageWindow(0, 0));
	}

}
