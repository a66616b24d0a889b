package org.guichet.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerRefusalsTests {

	@Test
	void anApiPathIsToldAfterTheContextPath() {
		assertThat(ContainerRefusals.underApi("", "/api/v1/tickets/%00")).isTrue();
		assertThat(ContainerRefusals.underApi("/desk", "/desk/api/v1/tickets/%00")).isTrue();
	}

	@Test
	void aPageIsNoApiPathWhateverItsContextPathHolds() {
		assertThat(ContainerRefusals.underApi("", "/portal/%00")).isFalse();
		assertThat(ContainerRefusals.underApi("/desk", "/desk/portal/%00")).isFalse();
		assertThat(ContainerRefusals.underApi("/desk", "/api/v1/tickets")).isFalse();
	}

}
