package org.guichet.operations;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.guichet.system.DomainException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A copy of the database could not be written, or the copies could not be listed, for a cause on
 * the server's side that its operator fixes: the backup directory is not a directory Guichet's
 * user can write (the code {@code backup.directory}), or H2 failed while writing the copy, e.g. a
 * full disk ({@code backup.failed}). Nothing is left half-written under a copy's name.
 */
public class BackupFailedException extends DomainException {

	/** Why a directory cannot be used: Guichet's user may not write into it. */
	static final MessageSourceResolvable NOT_WRITABLE = cause("not-writable", "not writable");

	/**
	 * @param cause why, in the reader's language where it is known ({@link #reason})
	 */
	BackupFailedException(String messageKey, String englishMessage, Object directory, MessageSourceResolvable cause,
			Throwable failure) {
		super(null, messageKey, englishMessage, directory.toString(), cause);
		initCause(failure);
	}

	/**
	 * Why a file operation failed, for a person: a known cause in their language (no such
	 * directory, a file in its place, permission denied, no space left), else the failure's own
	 * message, without the exception's class name.
	 */
	static MessageSourceResolvable reason(Exception failure) {
		String message = String.valueOf(failure.getMessage());
		if (failure instanceof FileAlreadyExistsException || failure instanceof NotDirectoryException) {
			return cause("not-a-directory", "a file, not a directory");
		}
		if (failure instanceof AccessDeniedException) {
			return cause("denied", "permission denied");
		}
		if (failure instanceof NoSuchFileException) {
			return cause("missing", "no such file or directory");
		}
		if (message.contains("No space left")) {
			return cause("no-space", "no space left on the disk");
		}
		return new DefaultMessageSourceResolvable(new String[0], message);
	}

	private static MessageSourceResolvable cause(String code, String english) {
		return new DefaultMessageSourceResolvable(new String[] { "backup.cause." + code }, english);
	}

	@Override
	public int status() {
		return 500;
	}

}
