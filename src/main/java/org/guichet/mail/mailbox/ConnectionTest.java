package org.guichet.mail.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tries a mailbox's settings without saving them: connects, logs in, opens the folder read-only
 * (and checks the folder to move to), and says what it found or exactly what failed.
 */
@Component
class ConnectionTest {

	private final MailServers servers;

	ConnectionTest(MailServers servers) {
		this.servers = servers;
	}

	/**
	 * What the test found.
	 *
	 * @param failure what failed, null when everything worked
	 * @param detail the server's or the system's own words about the failure, null on success
	 * @param messages messages in the folder (0 on failure)
	 * @param unseen of which not seen (IMAP; POP3: every message)
	 * @param idle whether the server offers IMAP IDLE
	 */
	record Result(@Nullable FailureKind failure, @Nullable String detail, int messages, int unseen, boolean idle) {

		boolean ok() {
			return failure == null;
		}

	}

	Result test(MailboxDefinition mailbox, String password) {
		try (Store store = servers.connect(mailbox, password)) {
			Folder folder = store.getFolder(mailbox.protocol() == Protocol.POP3 ? "INBOX" : mailbox.folder());
			if (!folder.exists()) {
				throw new FolderNotFoundException(folder, "No folder «" + folder.getFullName() + "» on this server");
			}
			if (mailbox.afterIngest() == AfterIngest.MOVE && !store.getFolder(String.valueOf(mailbox.moveTo())).exists()) {
				throw new FolderNotFoundException(folder, "No folder «" + mailbox.moveTo() + "» to move messages to");
			}
			folder.open(Folder.READ_ONLY);
			try {
				int count = folder.getMessageCount();
				int unseen = mailbox.protocol() == Protocol.IMAP
						? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length : count;
				boolean idle = store instanceof IMAPStore imap && imap.hasCapability("IDLE");
				return new Result(null, null, count, unseen, idle);
			}
			finally {
				folder.close(false);
			}
		}
		catch (Exception ex) {
			return new Result(MailServers.kind(ex), MailServers.detail(ex), 0, 0, false);
		}
	}

}
