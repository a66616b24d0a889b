package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenScopeTests {

	@Test
	void aReadOnlyTokenAllowsOnlyTheSafeMethods() {
		assertThat(TokenScope.READ_ONLY.allows("GET")).isTrue();
		assertThat(TokenScope.READ_ONLY.allows("HEAD")).isTrue();
		assertThat(TokenScope.READ_ONLY.allows("OPTIONS")).isTrue();
		assertThat(TokenScope.READ_ONLY.allows("POST")).isFalse();
		assertThat(TokenScope.READ_ONLY.allows("PUT")).isFalse();
		assertThat(TokenScope.READ_ONLY.allows("PATCH")).isFalse();
		assertThat(TokenScope.READ_ONLY.allows("DELETE")).isFalse();
	}

	@Test
	void aFullTokenAllowsEveryMethod() {
		assertThat(TokenScope.FULL.allows("DELETE")).isTrue();
		assertThat(TokenScope.FULL.allows("POST")).isTrue();
	}

}
