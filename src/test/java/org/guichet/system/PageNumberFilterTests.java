package org.guichet.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageNumberFilterTests {

	@Test
	void aPageNumberIsAWholeNumberFromZeroToTheLastPageAnyListAnswers() {
		assertThat(PageNumberFilter.isPageNumber("0")).isTrue();
		assertThat(PageNumberFilter.isPageNumber("99999")).isTrue();
		assertThat(PageNumberFilter.isPageNumber("100000")).isTrue();
		assertThat(PageNumberFilter.isPageNumber("100001")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("2147483647")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("2147483648")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("-1")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("abc")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("1.5")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("")).isFalse();
		assertThat(PageNumberFilter.isPageNumber("٣")).isFalse();
	}

}
