package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupLoadingTests {

	private final StartupLoading startupLoading = new StartupLoading();

	@Test
	void aLoadingIsInProgressFromItsBeginningUntilItsTaskIsClosed() {
		assertThat(startupLoading.inProgress()).isEmpty();

		StartupLoading.Task demo = startupLoading.begin("demo.loading");
		StartupLoading.Task other = startupLoading.begin("other.loading");
		assertThat(startupLoading.inProgress()).containsExactly("demo.loading", "other.loading");

		demo.close();
		demo.close();
		assertThat(startupLoading.inProgress()).containsExactly("other.loading");
		other.close();
		assertThat(startupLoading.inProgress()).isEmpty();
	}

}
