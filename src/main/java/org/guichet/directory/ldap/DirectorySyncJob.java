package org.guichet.directory.ldap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks every {@code guichet.directory.ldap.sync-tick} whether the synchronisation is due
 * ({@code sync-interval} since the last one started, on any node) and runs it then; the claim in
 * the database lets one node only run it. A zero interval leaves it to the administrators' button.
 */
@Component
@ConditionalOnProperty(name = "guichet.directory.ldap.enabled", havingValue = "true")
class DirectorySyncJob {

	private final DirectorySync sync;

	private final LdapSettings settings;

	DirectorySyncJob(DirectorySync sync, LdapSettings settings) {
		this.sync = sync;
		this.settings = settings;
	}

	@Scheduled(initialDelayString = "${guichet.directory.ldap.sync-tick:PT1M}",
			fixedDelayString = "${guichet.directory.ldap.sync-tick:PT1M}")
	void tick() {
		if (!settings.syncInterval().isZero()) {
			sync.run(true);
		}
	}

}
