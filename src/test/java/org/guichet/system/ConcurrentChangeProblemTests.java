package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** The refusal of two writers at the same instant says which record, in words that fit it. */
class ConcurrentChangeProblemTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler(messages());

	/** Stands for tickets.Ticket: a record whose messages have their own {@code <record>.concurrent}. */
	static class Ticket {
	}

	static class Calendar {
	}

	@Test
	void aTicketIsRefusedInATicketsWords() {
		ProblemDetail problem = handler.concurrentChange(new ObjectOptimisticLockingFailureException(Ticket.class, 1L))
			.getBody();

		assertThat(problem.getProperties()).containsEntry("code", "ticket.concurrent");
	}

	@Test
	void anyOtherRecordIsRefusedInWordsThatFitAnyRecord() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		try {
			ProblemDetail problem = handler
				.concurrentChange(new ObjectOptimisticLockingFailureException(Calendar.class, 1L))
				.getBody();

			assertThat(problem.getStatus()).isEqualTo(409);
			assertThat(problem.getProperties()).containsEntry("code", "record.concurrent");
			assertThat(problem.getDetail()).startsWith("Quelqu’un d’autre a modifié cet enregistrement")
				.doesNotContain("ticket");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/errors");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
