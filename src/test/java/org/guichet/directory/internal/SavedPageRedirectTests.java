package org.guichet.directory.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page a login returns to: the saved address's path and query, on this application only. */
class SavedPageRedirectTests {

	@Test
	void keepsThePathAndQueryWithoutSpringSecuritysMarker() {
		assertThat(SavedPageRedirect.pageOf("https://desk.example/reports?period=LAST_MONTH&group=2&continue", ""))
			.isEqualTo("/reports?period=LAST_MONTH&group=2");
		assertThat(SavedPageRedirect.pageOf("https://desk.example/agent?continue", "")).isEqualTo("/agent");
		assertThat(SavedPageRedirect.pageOf("http://desk.example/guichet/reports?q=a%20b", "/guichet"))
			.isEqualTo("/reports?q=a%20b");
	}

	@Test
	void neverAnotherHost() {
		assertThat(SavedPageRedirect.pageOf("https://desk.example//evil.example/x", "")).isNull();
		assertThat(SavedPageRedirect.pageOf("https://desk.example/\\evil.example", "")).isNull();
		assertThat(SavedPageRedirect.pageOf("https://desk.example/other/reports", "/guichet")).isNull();
		assertThat(SavedPageRedirect.pageOf("not a url", "")).isNull();
	}

}
