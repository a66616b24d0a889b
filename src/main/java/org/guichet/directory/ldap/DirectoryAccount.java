package org.guichet.directory.ldap;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.directory.AccountOrigin;
import org.jspecify.annotations.Nullable;

/**
 * That a user comes from the directory: which entry they are, when it was last read, and since when
 * a synchronisation no longer finds it (the account was then deactivated by it). The table also
 * holds the accounts of the single sign-on provider ({@link AccountOrigin#OIDC}), which this
 * package leaves alone.
 */
@Entity
@Table(name = "directory_account")
class DirectoryAccount {

	@Id
	private Long userId;

	private String externalId;

	/** Normalised ({@link DistinguishedNames#normalise}); null for an account of the provider. */
	private @Nullable String dn;

	@Enumerated(EnumType.STRING)
	private AccountOrigin origin;

	private Instant syncedAt;

	private @Nullable Instant missingSince;

	protected DirectoryAccount() {
		this.userId = 0L;
		this.externalId = "";
		this.dn = "";
		this.syncedAt = Instant.EPOCH;
		this.origin = AccountOrigin.LDAP;
	}

	DirectoryAccount(long userId, String externalId, String dn, Instant syncedAt) {
		this.userId = userId;
		this.externalId = externalId;
		this.dn = dn;
		this.syncedAt = syncedAt;
		this.origin = AccountOrigin.LDAP;
	}

	AccountOrigin origin() {
		return origin;
	}

	long userId() {
		return userId;
	}

	String externalId() {
		return externalId;
	}

	/** The entry as read now (a rename or a new identifier of the same account is followed). */
	void seen(String externalId, String dn, Instant at) {
		this.externalId = externalId;
		this.dn = dn;
		this.syncedAt = at;
	}

	@Nullable Instant missingSince() {
		return missingSince;
	}

	void missing(@Nullable Instant since) {
		this.missingSince = since;
	}

}
