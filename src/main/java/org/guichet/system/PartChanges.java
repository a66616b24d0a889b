package org.guichet.system;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Repository;

/**
 * Raises the version of a record when a part of it that has no version of its own changed (a
 * technician's skills are part of the user, a group's assignment mode of the group, a policy's
 * escalation levels of the policy), so that a change of the part and a change of the record
 * refuse each other when made on an old version. The version is raised at once, in the
 * caller's transaction: the answer carries the new one. A repository, so that a concurrent
 * change is translated to Spring's optimistic lock failure as the records' own saves are.
 */
@Repository
public class PartChanges {

	private final EntityManager entityManager;

	PartChanges(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * @param record an entity with a JPA {@code @Version}, read in the caller's transaction
	 * @throws org.springframework.orm.ObjectOptimisticLockingFailureException (409
	 *         {@code record.concurrent}) when someone changed the record since it was read, at the
	 *         same instant
	 */
	public void changed(Object record) {
		entityManager.lock(record, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
	}

}
