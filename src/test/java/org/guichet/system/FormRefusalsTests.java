package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

class FormRefusalsTests {

	/** A form as the pages bind them. */
	public static class Form {

		private String title = "typed title";

		private String value = "typed value";

		public String getTitle() {
			return title;
		}

		public String getValue() {
			return value;
		}

	}

	private final BindingResult result = new BeanPropertyBindingResult(new Form(), "form");

	@Test
	void everyFieldRefusedTogetherLandsNextToItsInput() {
		InputChecks checks = new InputChecks();
		checks.check(() -> {
			throw new InvalidInputException("title", "title.blank", "Give a title.");
		});
		checks.check(() -> {
			throw new InvalidInputException("value", "value.negative", "Give a positive value.");
		});

		assertThatThrownBy(checks::refuseIfAny).isInstanceOfSatisfying(InvalidInputException.class,
				refused -> FormRefusals.reject(refused, result));

		assertThat(result.getFieldError("title").getCode()).isEqualTo("title.blank");
		assertThat(result.getFieldError("value").getCode()).isEqualTo("value.negative");
		assertThat(result.getFieldValue("title")).isEqualTo("typed title");
	}

	@Test
	void aFieldTheFormDoesNotHaveBecomesAnErrorOfTheWholeForm() {
		FormRefusals.reject(new InvalidInputException("deadline", "deadline.past", "Too late."), result);

		assertThat(result.getFieldErrorCount()).isZero();
		assertThat(result.getGlobalError().getCode()).isEqualTo("deadline.past");
	}

	@Test
	void aPathInTheApisWordingLandsOnTheFormsFieldOfThatName() {
		FormRefusals.reject(new InvalidInputException("conditions[2].value", "value.unknown", "Unknown."), result);

		assertThat(result.getFieldError("value").getCode()).isEqualTo("value.unknown");
	}

	@Test
	void aRefusalWithoutAFieldAndTheKeysOfThePagesWording() {
		FormRefusals.reject(new ConflictException("ticket.concurrent", "Changed meanwhile."), result,
				key -> key + ".page");

		assertThat(result.getGlobalError().getCode()).isEqualTo("ticket.concurrent.page");
	}

	@Test
	void aCheckThatPassesLeavesTheFormAlone() {
		FormRefusals.check(result, () -> {
		});

		assertThat(result.hasErrors()).isFalse();
	}

}
