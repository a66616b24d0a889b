package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathsTests {

	@Test
	void aMemberFollowsADotAndAnElementItsIndexInBrackets() {
		String path = FieldPaths.member(FieldPaths.element(FieldPaths.member("", "approvalSteps"), 1), "kind");

		assertThat(path).isEqualTo("approvalSteps[1].kind");
	}

	@Test
	void anElementOfTheBodyItselfIsItsIndexAlone() {
		assertThat(FieldPaths.member(FieldPaths.element("", 0), "name")).isEqualTo("[0].name");
	}

}
