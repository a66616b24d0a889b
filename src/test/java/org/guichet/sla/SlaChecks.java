package org.guichet.sla;

import org.springframework.context.ApplicationContext;

/**
 * Runs the periodic SLA check now, for integration tests outside the sla package that need the
 * verdicts of deadlines passed while their clocks ran (the scheduled check waits an hour in tests).
 */
public final class SlaChecks {

	private SlaChecks() {
	}

	/** One run of the check, at the application clock's instant. */
	public static void runNow(ApplicationContext context) {
		context.getBean(SlaCheck.class).run();
	}

}
