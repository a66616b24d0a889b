package org.guichet.mail.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.inbound.InboundMails;
import org.guichet.mail.ingest.IngestionOrder;
import org.guichet.mail.ingest.MailIngestion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One reading of one mailbox: connects, lists the messages not yet ingested, and for each fetches
 * its bytes, hands them to {@link MailIngestion#ingest} and, only once that returned, marks it seen,
 * moves or deletes it (or, POP3 keeping its messages, records its UIDL). A message whose ingestion
 * throws is left as it was, tried again at the next reading and skipped after too many failures
 * ({@link MessageRetries}); the others go on. IMAP messages are read in UID order, by batches whose
 * UIDs, flags and sizes are fetched in one command each; a batch's messages are fetched one after
 * the other, then ingested on several threads by {@link OrderedIngestion} (those of one
 * conversation, sender or ticket in order), several in one transaction
 * ({@link MailIngestion#ingestTogether}; when that fails, each alone), then marked, moved or
 * deleted together, after every commit that holds them. Once the listed messages are done, the
 * folder is listed again as long as new ones were ingested.
 */
@Component
class MailboxReader {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	/** Room for the headers and text parts beyond the attachments' limit, in bytes. */
	static final long MARGIN = 1024 * 1024;

	/**
	 * The most bytes of messages a batch holds in memory at once (fetched, waiting for their
	 * ingestion), beyond its first message; a batch also ends at {@code guichet.mail.mailbox-batch-size} messages.
	 */
	static final long BATCH_BYTES = 32L * 1024 * 1024;

	/** The most times one reading lists the folder again for the messages that arrived while it ingested. */
	static final int MAX_PASSES = 20;

	private final MailServers servers;

	private final MailIngestion ingestion;

	private final MessageRetries retries;

	private final MailboxStore store;

	private final Clock clock;

	private final int batchSize;

	private final OrderedIngestion ordering;

	/** One turn per support group, held by the run in its transaction ({@link #ingestRun}). */
	private final Map<Long, ReentrantLock> groupTurns = new ConcurrentHashMap<>();

	MailboxReader(MailServers servers, MailIngestion ingestion, OrderedIngestion ordering, MessageRetries retries,
			MailboxStore store, Clock clock, @Value("${guichet.mail.mailbox-batch-size:50}") int batchSize) {
		this.servers = servers;
		this.ingestion = ingestion;
		this.ordering = ordering;
		this.retries = retries;
		this.store = store;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/**
	 * The most bytes a message is read whole with: the attachments' limit grown by base64's third,
	 * plus {@link #MARGIN}; a bigger message is reduced by {@link OversizeMessages}.
	 */
	static long messageLimit(long attachmentLimit) {
		return attachmentLimit / 3 * 4 + MARGIN;
	}

	/**
	 * Reads the mailbox once.
	 *
	 * @return how many messages were ingested
	 * @throws MessagingException when the server cannot be reached, refuses the login or has no such
	 *         folder (nothing was changed on it then, beyond the messages already ingested)
	 */
	int read(StoredMailbox mailbox, String password) throws MessagingException, IOException {
		try (Store connected = servers.connect(mailbox.definition(), password)) {
			return mailbox.definition().protocol() == Protocol.IMAP ? readImap(mailbox, (IMAPStore) connected)
					: readPop3(mailbox, connected);
		}
	}

	private int readImap(StoredMailbox mailbox, IMAPStore connected) throws MessagingException, IOException {
		MailboxDefinition d = mailbox.definition();
		IMAPFolder folder = (IMAPFolder) connected.getFolder(d.folder());
		if (!folder.exists()) {
			throw new FolderNotFoundException(folder, "No folder «" + d.folder() + "» on " + d.host());
		}
		Folder target = null;
		if (d.afterIngest() == AfterIngest.MOVE) {
			target = connected.getFolder(String.valueOf(d.moveTo()));
			if (!target.exists()) {
				throw new FolderNotFoundException(target, "No folder «" + d.moveTo() + "» to move messages to on " + d.host());
			}
		}
		folder.open(Folder.READ_WRITE);
		try {
			boolean canMove = connected.hasCapability("MOVE");
			int ingested = 0;
			Set<String> tried = new HashSet<>();
			int pass;
			int passes = 0;
			do {
				pass = readImapOnce(mailbox, folder, target, canMove, tried);
				ingested += pass;
			}
			while (pass > 0 && ++passes < MAX_PASSES);
			return ingested;
		}
		finally {
			if (folder.isOpen()) {
				folder.close(false);
			}
		}
	}

	/**
	 * Lists the messages not yet processed, ingests them by batches and marks, moves or deletes each
	 * batch's ingested ones. A message this reading already tried (ingested, or failed: it waits for
	 * the next reading) is left alone, whatever the server still says of it.
	 *
	 * @param tried the keys of the messages tried by this reading, to which this pass adds its own
	 * @return how many were ingested: when some were, the folder is listed again, for the messages
	 *         that arrived meanwhile
	 */
	private int readImapOnce(StoredMailbox mailbox, IMAPFolder folder, @Nullable Folder target, boolean canMove,
			Set<String> tried) throws MessagingException, IOException {
		MailboxDefinition d = mailbox.definition();
		long uidValidity = folder.getUIDValidity();
		Message[] candidates = d.afterIngest() == AfterIngest.MARK_SEEN
				? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)) : folder.getMessages();
		FetchProfile uids = new FetchProfile();
		uids.add(UIDFolder.FetchProfileItem.UID);
		uids.add(FetchProfile.Item.FLAGS);
		uids.add(FetchProfile.Item.SIZE);
		folder.fetch(candidates, uids);
		List<Message> ordered = new ArrayList<>(Arrays.asList(candidates));
		ordered.removeIf(message -> isDeleted(message));
		ordered.sort(Comparator.comparingLong(message -> uid(folder, message)));
		int ingested = 0;
		int next = 0;
		while (next < ordered.size()) {
			List<Fetched> fetched = new ArrayList<>();
			long bytes = 0;
			for (; next < ordered.size() && fetched.size() < batchSize && bytes < BATCH_BYTES; next++) {
				Message message = ordered.get(next);
				String key = uidValidity + ":" + folder.getUID(message);
				if (tried.add(key) && !retries.skipped(mailbox.id(), key)) {
					Fetched one = fetch(mailbox, key, (MimeMessage) message, true);
					fetched.add(one);
					bytes += one.raw().length;
				}
			}
			List<Message> done = new ArrayList<>();
			for (Fetched message : ingestAll(mailbox, fetched)) {
				done.add(message.message());
			}
			ingested += done.size();
			processed(folder, target, canMove, d.afterIngest(), done.toArray(Message[]::new));
		}
		return ingested;
	}

	/** A message fetched, waiting for its ingestion. */
	private record Fetched(Message message, String key, byte[] raw) {
	}

	/**
	 * Ingests a batch, several messages at once when they share no conversation, sender or ticket,
	 * and several in one transaction ({@link OrderedIngestion}).
	 *
	 * @return the messages whose ingestion returned, in the batch's order
	 */
	private List<Fetched> ingestAll(StoredMailbox mailbox, List<Fetched> fetched) {
		Set<Fetched> returned = ConcurrentHashMap.newKeySet();
		ordering.run(fetched, message -> IngestionOrder.keys(message.raw()),
				run -> returned.addAll(ingestRun(mailbox, run)));
		return fetched.stream().filter(returned::contains).toList();
	}

	/**
	 * Ingests a run of messages in one transaction; when that throws (nothing of it committed),
	 * each in a transaction of its own, so that the one at fault is handled as it is alone and
	 * holds back none of the others. The runs of one group take turns on the node: a run holds
	 * the group's assignment row (routing locks it for each new ticket) until its commit, so two
	 * at once would wait for each other, and time out or deadlock as runs grow.
	 *
	 * @return the messages whose ingestion returned
	 */
	private List<Fetched> ingestRun(StoredMailbox mailbox, List<Fetched> run) {
		if (run.size() > 1) {
			ReentrantLock turn = groupTurns.computeIfAbsent(mailbox.policy().groupId(), group -> new ReentrantLock());
			turn.lock();
			try {
				ingestion.ingestTogether(mailbox.policy(), run.stream().map(Fetched::raw).toList());
				run.forEach(message -> retries.succeeded(mailbox.id(), message.key()));
				return run;
			}
			catch (RuntimeException ex) {
				log.info("Mailbox {}: {} messages could not be ingested together ({}), each is ingested alone",
						mailbox.definition().name(), run.size(), ex.toString());
			}
			finally {
				turn.unlock();
			}
		}
		return run.stream().filter(message -> ingest(mailbox, message.key(), message.raw())).toList();
	}

	/** Marks, moves or deletes messages whose ingestion returned. */
	private static void processed(IMAPFolder folder, Folder target, boolean canMove, AfterIngest after, Message[] done)
			throws MessagingException {
		if (done.length == 0) {
			return;
		}
		switch (after) {
			case MARK_SEEN -> folder.setFlags(done, new Flags(Flags.Flag.SEEN), true);
			case MOVE -> {
				if (canMove) {
					folder.moveMessages(done, target);
				}
				else {
					folder.copyMessages(done, target);
					deleteNow(folder, done);
				}
			}
			case DELETE -> deleteNow(folder, done);
			case KEEP -> throw new IllegalStateException("An IMAP mailbox cannot keep its messages unmarked");
		}
	}

	/** Deletes exactly these messages: UID EXPUNGE when the server has UIDPLUS, else EXPUNGE. */
	private static void deleteNow(IMAPFolder folder, Message[] done) throws MessagingException {
		folder.setFlags(done, new Flags(Flags.Flag.DELETED), true);
		if (((IMAPStore) folder.getStore()).hasCapability("UIDPLUS")) {
			folder.expunge(done);
		}
		else {
			folder.expunge();
		}
	}

	private int readPop3(StoredMailbox mailbox, Store connected) throws MessagingException, IOException {
		POP3Folder folder = (POP3Folder) connected.getFolder("INBOX");
		folder.open(Folder.READ_WRITE);
		boolean keep = mailbox.definition().afterIngest() == AfterIngest.KEEP;
		int ingested = 0;
		try {
			Message[] messages = folder.getMessages();
			FetchProfile profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			profile.add(FetchProfile.Item.SIZE);
			folder.fetch(messages, profile);
			Set<String> seen = keep ? store.seenUidls(mailbox.id()) : Set.of();
			Set<String> listed = new HashSet<>();
			for (Message message : messages) {
				String uidl = folder.getUID(message);
				listed.add(uidl);
				if (seen.contains(uidl)) {
					continue;
				}
				if (!retries.skipped(mailbox.id(), uidl)
						&& ingest(mailbox, uidl, fetch(mailbox, uidl, (MimeMessage) message, false).raw())) {
					ingested++;
					if (keep) {
						store.seen(mailbox.id(), uidl, clock.instant());
					}
					else {
						message.setFlag(Flags.Flag.DELETED, true);
					}
				}
			}
			if (keep) {
				Set<String> gone = new HashSet<>(seen);
				gone.removeAll(listed);
				store.forgetUidls(mailbox.id(), gone);
			}
			return ingested;
		}
		finally {
			// POP3 deletes the messages flagged above only at QUIT, once all were read
			folder.close(!keep);
		}
	}

	/**
	 * Fetches one message's bytes, reduced when it is too big.
	 *
	 * @throws MessagingException when the server fails while the message is fetched (the reading stops)
	 */
	private Fetched fetch(StoredMailbox mailbox, String key, MimeMessage message, boolean partsReadable)
			throws MessagingException, IOException {
		return new Fetched(message, key,
				bytes(message, messageLimit(mailbox.policy().attachmentLimit()), partsReadable));
	}

	/**
	 * Hands one fetched message to the ingestion; a failure is recorded for the retries, never thrown.
	 *
	 * @return true when the ingestion returned, false when it threw
	 */
	private boolean ingest(StoredMailbox mailbox, String key, byte[] raw) {
		long id = mailbox.id();
		try {
			ingestion.ingest(mailbox.policy(), raw);
			retries.succeeded(id, key);
			return true;
		}
		catch (RuntimeException ex) {
			String subject = InboundMails.heads(raw).subject();
			log.warn("Mailbox {}: the message {} «{}» could not be ingested, it stays on the server for the next reading",
					mailbox.definition().name(), key, subject, ex);
			retries.failed(id, key, subject, MailServers.detail(ex));
			return false;
		}
	}

	private static byte[] bytes(MimeMessage message, long limit, boolean partsReadable)
			throws MessagingException, IOException {
		int size = message.getSize();
		if (size > limit) {
			return OversizeMessages.reduce(message, size, limit, partsReadable);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
		message.writeTo(out);
		return out.toByteArray();
	}

	private static boolean isDeleted(Message message) {
		try {
			return message.isSet(Flags.Flag.DELETED);
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static long uid(IMAPFolder folder, Message message) {
		try {
			return folder.getUID(message);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
