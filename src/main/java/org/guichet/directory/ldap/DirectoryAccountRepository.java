package org.guichet.directory.ldap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guichet.directory.AccountOrigin;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectoryAccountRepository extends JpaRepository<DirectoryAccount, Long> {

	Optional<DirectoryAccount> findByExternalId(String externalId);

	boolean existsByOrigin(AccountOrigin origin);

	/** The account of the entry with that normalised DN. */
	@Query("select a.userId from DirectoryAccount a where a.dn = :dn")
	Optional<Long> findUserIdByDn(String dn);

	/** The directory's accounts found by no synchronisation since that instant and not yet counted as missing. */
	@Query("select a from DirectoryAccount a where a.syncedAt < :since and a.missingSince is null"
			+ " and a.origin = org.guichet.directory.AccountOrigin.LDAP order by a.userId")
	List<DirectoryAccount> findNotSeenSince(Instant since);

}
