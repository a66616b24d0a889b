package org.guichet.operations;

import org.guichet.system.DomainException;

/**
 * A copy of the database could not be written, or the copies could not be listed, for a cause on
 * the server's side that its operator fixes: the backup directory is not a directory Guichet's
 * user can write (the code {@code backup.directory}), or H2 failed while writing the copy, e.g. a
 * full disk ({@code backup.failed}). Nothing is left half-written under a copy's name.
 */
public class BackupFailedException extends DomainException {

	BackupFailedException(String messageKey, String englishMessage, Object directory, String cause,
			Throwable failure) {
		super(null, messageKey, englishMessage, directory.toString(), cause);
		initCause(failure);
	}

	@Override
	public int status() {
		return 500;
	}

}
