package org.guichet.system;

import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PagerTests {

	private static final IntFunction<String> LINK = page -> "/list?page=" + page;

	@Test
	void aLinkKeepsEveryParameterOfTheQueryButThePageWithAllItsValuesEncoded() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/search");
		request.setContextPath("/app");
		request.addParameter("q", "C++ & café");
		request.addParameter("page", "3");
		request.addParameter("status", "NEW", "ASSIGNED");
		request.addParameter("size", "5");

		assertThat(Pager.sameQuery(request).apply(2))
			.isEqualTo("/search?q=C%2B%2B+%26+caf%C3%A9&status=NEW&status=ASSIGNED&size=5&page=2");
	}

	@Test
	void aListThatIsNotCountedOffersFirstPreviousAndNext() {
		assertThat(Pager.of(0, false, true, LINK)).isEqualTo(new Pager(0, null, null, null, "/list?page=1", null, null));
		assertThat(Pager.of(2, false, false, LINK))
			.isEqualTo(new Pager(2, null, "/list?page=0", "/list?page=1", null, null, null));
	}

	@Test
	void anEmptyPageAfterTheFirstOfAListThatIsNotCountedLeadsBackToTheFirst() {
		Pager past = Pager.of(99999, true, false, LINK);

		assertThat(past).isEqualTo(new Pager(99999, null, null, null, null, null, "/list?page=0"));
		assertThat(past.pastTheEnd()).isTrue();
		assertThat(Pager.of(0, true, false, LINK).pastTheEnd()).isFalse();
	}

	@Test
	void aCountedListOffersFirstAndLastBesidePreviousAndNext() {
		assertThat(Pager.counted(1, 45, 20, LINK))
			.isEqualTo(new Pager(1, 3, "/list?page=0", "/list?page=0", "/list?page=2", "/list?page=2", null));
		assertThat(Pager.counted(0, 45, 20, LINK))
			.isEqualTo(new Pager(0, 3, null, null, "/list?page=1", "/list?page=2", null));
		assertThat(Pager.counted(2, 45, 20, LINK))
			.isEqualTo(new Pager(2, 3, "/list?page=0", "/list?page=1", null, null, null));
	}

	@Test
	void aPagePastTheEndOfACountedListLeadsBackToItsLastPageOnly() {
		assertThat(Pager.counted(99999, 45, 20, LINK)).isEqualTo(new Pager(99999, 3, null, null, null, null, "/list?page=2"));
		assertThat(Pager.counted(1, 0, 20, LINK)).isEqualTo(new Pager(1, 1, null, null, null, null, "/list?page=0"));
	}

}
