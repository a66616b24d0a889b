package org.guichet.mail.mailbox;

import org.guichet.testing.DatabaseNeutral;
import org.junit.jupiter.api.Nested;

/**
 * The mailbox tests, nested in one class so that one failsafe fork runs them all: they share one
 * application ({@link MailboxIntegrationTest}), which then starts once a database rather than once
 * in each fork they were handed to (each start about 10 s).
 */
class MailboxIT {

	@Nested
	class Reading extends MailboxReadingChecks {

	}

	@Nested
	class Ordering extends MailboxOrderingChecks {

	}

	@Nested
	@DatabaseNeutral
	class Admin extends MailboxAdminChecks {

	}

}
