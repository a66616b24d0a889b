package org.guichet.directory.api;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.directory.Role;
import org.guichet.directory.ldap.DirectorySync;
import org.guichet.directory.ldap.LdapSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The LDAP directory for administrators, as Administration › Directory shows it: its settings as
 * configured by the {@code guichet.directory.ldap.*} properties (read only, as on the page; never
 * the service account's password), what the last synchronisation did, and "Synchronise now".
 */
@RestController
@RequestMapping(path = "/api/v1/directory/ldap", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class LdapApiController {

	private final DirectorySync sync;

	private final LdapSettings settings;

	LdapApiController(DirectorySync sync, LdapSettings settings) {
		this.sync = sync;
		this.settings = settings;
	}

	/**
	 * The directory's settings and last synchronisation.
	 *
	 * @param enabled whether a directory is configured (else every account is local)
	 * @param bindDn the service account; empty: anonymous. Its password is never given
	 * @param syncInterval how often it is synchronised (ISO-8601), {@code PT0S}: only when asked
	 * @param last what the last synchronisation did (every node sees the same)
	 */
	record LdapJson(boolean enabled, List<String> urls, String baseDn, String bindDn, String userSearchBase,
			String userSearchFilter, String userSyncFilter, LdapSettings.Attributes attributes, String groupSearchBase,
			String groupSearchFilter, String groupMemberAttribute, List<LdapSettings.GroupMapping> groupMappings,
			Role defaultRole, boolean decidesRoles, Duration syncInterval, int pageSize, DirectorySync.LastSync last) {

		static LdapJson of(boolean enabled, LdapSettings s, DirectorySync.LastSync last) {
			return new LdapJson(enabled, s.urls(), s.baseDn(), s.bindDn(), s.userSearchBase(), s.userSearchFilter(),
					s.userSyncFilter(), s.attributes(), s.groupSearchBase(), s.groupSearchFilter(),
					s.groupMemberAttribute(), s.groupMappings(), s.defaultRole(), s.decidesRoles(), s.syncInterval(),
					s.pageSize(), last);
		}

	}

	/** @param started false when one runs already (on any node) or no directory is configured: nothing started */
	record SyncJson(boolean started) {
	}

	@GetMapping
	@Operation(summary = "The LDAP directory's settings as configured (never the password) and its last synchronisation")
	LdapJson directory() {
		return LdapJson.of(sync.enabled(), settings, sync.last());
	}

	@PostMapping("/sync")
	@Operation(summary = "Synchronises the directory now, in the background, unless a synchronisation runs (202)")
	ResponseEntity<SyncJson> synchronise() {
		return ResponseEntity.accepted().body(new SyncJson(sync.start()));
	}

}
