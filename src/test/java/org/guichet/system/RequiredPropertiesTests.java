package org.guichet.system;

import java.lang.reflect.AnnotatedType;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredPropertiesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Step(String kind, List<Long> approvers, @Nullable Integer percent) {
	}

	record Steps(boolean enabled, List<Step> steps, @Nullable String note, Map<String, Step> named,
			List<@Nullable String> labels, Map<String, Object> answers) {
	}

	static void body(Steps steps) {
	}

	private static List<String> missing(String json) throws Exception {
		AnnotatedType type = RequiredPropertiesTests.class.getDeclaredMethod("body", Steps.class)
			.getParameters()[0].getAnnotatedType();
		return RequiredProperties.missing(JSON.readTree(json), type);
	}

	@Test
	void aComponentNotMarkedNullableIsRequiredEvenAPrimitive() {
		assertThat(RequiredProperties.of(Steps.class)).containsExactly("enabled", "steps", "named", "labels",
				"answers");
		assertThat(RequiredProperties.of(Step.class)).containsExactly("kind", "approvers");
		assertThat(RequiredProperties.of(String.class)).isEmpty();
	}

	@Test
	void everyAbsentOrNullRequiredPropertyIsNamedByItsJsonPathInDocumentOrder() throws Exception {
		assertThat(missing("{}")).containsExactly("enabled", "steps", "named", "labels", "answers");
		assertThat(missing("""
				{"enabled": null, "steps": [{"kind": "USER", "approvers": [1]}, {"kind": "GROUP"}, null],
				 "named": {"first": {"approvers": []}}, "labels": [null, "a"], "answers": {"vpn": null}}
				""")).containsExactly("enabled", "steps[1].approvers", "steps[2]", "named.first.kind");
	}

	@Test
	void aNullablePropertyMayBeLeftOutAndAShapeThatDoesNotFitIsLeftToTheBinding() throws Exception {
		assertThat(missing("""
				{"enabled": false, "steps": [], "named": {}, "labels": [], "answers": {}}
				""")).isEmpty();
		assertThat(missing("""
				{"enabled": true, "steps": "all", "named": [], "labels": {}, "answers": 3}
				""")).isEmpty();
	}

}
