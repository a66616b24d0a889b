package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StrictRequestBodiesTests {

	private static final JsonMapper SHARED = JsonMapper.builder().build();

	private static final JsonMapper STRICT = StrictRequestBodies.strict(SHARED);

	enum Level {
		LOW, HIGH
	}

	record Body(long count, boolean on, String name, Level level, BigDecimal share, List<Long> ids) {
	}

	@Test
	void eachValueInItsOwnJsonTypeIsRead() {
		Body body = STRICT.readValue("""
				{"count": 2, "on": true, "name": "x", "level": "HIGH", "share": 2, "ids": [1, 2]}""", Body.class);

		assertThat(body).isEqualTo(new Body(2, true, "x", Level.HIGH, BigDecimal.valueOf(2), List.of(1L, 2L)));
	}

	@Test
	void aValueOfAnotherJsonTypeIsRefusedRatherThanConverted() {
		for (String wrong : List.of("\"count\": 2.5", "\"count\": 1e2", "\"count\": \"2\"", "\"count\": \"\"",
				"\"on\": \"true\"", "\"on\": 1", "\"name\": 5", "\"level\": 1", "\"share\": \"2.5\"", "\"ids\": [1.5]")) {
			assertThatThrownBy(() -> STRICT.readValue("{" + wrong + "}", Body.class)).as(wrong)
				.isInstanceOf(MismatchedInputException.class);
		}
	}

	@Test
	void theSharedMapperForThirdPartiesJsonStaysLenient() {
		assertThat(SHARED.readValue("{\"count\": 2.5, \"on\": \"true\"}", Body.class).count()).isEqualTo(2);
	}

}
