package org.guichet.system;

import org.guichet.system.CommitDurability.NotDurableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a refused start on an H2 database that would lose confirmed writes in a crash, and
 * says what to change, instead of a stack trace.
 */
class CommitDurabilityFailureAnalyzer extends AbstractFailureAnalyzer<NotDurableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NotDurableException cause) {
		return new FailureAnalysis("""
				The embedded H2 database %s is opened with WRITE_DELAY=%d: H2 would confirm a commit up to %d ms \
				before writing it to its file, and a crash of the process (kill -9, out of memory, power cut) would \
				lose tickets and changes that users and API clients were told were saved."""
			.formatted(cause.url(), cause.delay(), cause.delay()), """
				Add ;WRITE_DELAY=0 to spring.datasource.url (environment variable SPRING_DATASOURCE_URL), e.g. \
				jdbc:h2:file:./data/guichet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0 (see docs/CONFIGURATION.md).""", cause);
	}

}
