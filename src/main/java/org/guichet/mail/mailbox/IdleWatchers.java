package org.guichet.mail.mailbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.mailbox.MailboxService.MailboxChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One thread per enabled IMAP mailbox with IDLE on, holding a connection of its own in IDLE: when
 * the server announces a change, the mailbox is read at once ({@link MailboxPoller#wake}) instead of
 * at its next interval. The IDLE is renewed every {@code guichet.mail.idle-renewal} (servers drop
 * idle connections after 30 minutes); a dropped connection is opened again after a growing wait.
 * A server without IDLE in its CAPABILITY leaves the mailbox to polling alone. Polling goes on
 * anyway, so a watcher that is down loses nothing.
 */
@Component
class IdleWatchers {

	private static final Logger log = LoggerFactory.getLogger(IdleWatchers.class);

	private final MailboxService mailboxes;

	private final MailServers servers;

	private final MailboxPoller poller;

	private final Duration renewal;

	private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();

	private final Map<Long, IdleState> states = new ConcurrentHashMap<>();

	private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "mailbox-idle-renewal");
		thread.setDaemon(true);
		return thread;
	});

	IdleWatchers(MailboxService mailboxes, MailServers servers, MailboxPoller poller,
			@Value("${guichet.mail.idle-renewal:9m}") Duration renewal) {
		this.mailboxes = mailboxes;
		this.servers = servers;
		this.poller = poller;
		this.renewal = renewal;
	}

	/** How IDLE goes for a mailbox, for its status. */
	enum IdleState {

		/** Connected and waiting for the server's news. */
		WATCHING,
		/** The server does not offer IDLE: polling only. */
		UNSUPPORTED,
		/** The connection dropped or could not be opened: trying again, polling meanwhile. */
		RECONNECTING

	}

	/** The mailbox's IDLE state, or null when it is not watched. */
	IdleState state(long mailboxId) {
		return watchers.containsKey(mailboxId) ? states.get(mailboxId) : null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		refresh();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void changed(MailboxChanged changed) {
		Watcher watcher = watchers.remove(changed.mailboxId());
		if (watcher != null) {
			watcher.stop();
		}
		refresh();
	}

	/** Starts a watcher for each mailbox that needs one and has none. */
	synchronized void refresh() {
		for (StoredMailbox mailbox : mailboxes.list()) {
			MailboxDefinition d = mailbox.definition();
			if (d.enabled() && d.idle() && d.protocol() == Protocol.IMAP && !watchers.containsKey(mailbox.id())) {
				Watcher watcher = new Watcher(mailbox);
				watchers.put(mailbox.id(), watcher);
				Thread thread = new Thread(watcher, "mailbox-idle-" + mailbox.id());
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	@PreDestroy
	void stopAll() {
		watchers.values().forEach(Watcher::stop);
		watchers.clear();
		renewals.shutdownNow();
	}

	private final class Watcher implements Runnable {

		private final StoredMailbox mailbox;

		private volatile boolean stopped;

		private volatile IMAPFolder folder;

		Watcher(StoredMailbox mailbox) {
			this.mailbox = mailbox;
		}

		@Override
		public void run() {
			long id = mailbox.id();
			Duration wait = Duration.ofSeconds(1);
			while (!stopped) {
				try (Store store = servers.connect(mailbox.definition(), mailboxes.password(mailbox), Duration.ZERO)) {
					if (!((IMAPStore) store).hasCapability("IDLE")) {
						log.info("Mailbox {}: the server does not offer IDLE, it is polled every {} s",
								mailbox.definition().name(), mailbox.definition().pollSeconds());
						states.put(id, IdleState.UNSUPPORTED);
						return;
					}
					IMAPFolder watched = (IMAPFolder) store.getFolder(mailbox.definition().folder());
					if (!watched.exists()) {
						throw new FolderNotFoundException(watched);
					}
					watched.open(Folder.READ_ONLY);
					folder = watched;
					states.put(id, IdleState.WATCHING);
					wait = Duration.ofSeconds(1);
					var renewing = renewals.scheduleWithFixedDelay(this::renew, renewal.toMillis(), renewal.toMillis(),
							TimeUnit.MILLISECONDS);
					try {
						poller.wake(id);
						while (!stopped && watched.isOpen()) {
							int before = watched.getMessageCount();
							watched.idle(true);
							if (!stopped && watched.getMessageCount() != before) {
								poller.wake(id);
							}
						}
					}
					finally {
						renewing.cancel(false);
						folder = null;
					}
				}
				catch (MessagingException | RuntimeException ex) {
					if (stopped) {
						return;
					}
					states.put(id, IdleState.RECONNECTING);
					log.info("Mailbox {}: IDLE connection lost or refused ({}), again in {}", mailbox.definition().name(),
							MailServers.detail(ex), wait);
					sleep(wait);
					wait = wait.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5)
							: wait.multipliedBy(2);
				}
			}
		}

		/** Ends the current IDLE with a NOOP from another thread: the loop then idles again. */
		private void renew() {
			IMAPFolder current = folder;
			if (current != null) {
				try {
					current.doCommand(protocol -> {
						protocol.noop();
						return null;
					});
				}
				catch (MessagingException ex) {
					log.debug("Mailbox {}: IDLE renewal failed", mailbox.id(), ex);
				}
			}
		}

		void stop() {
			stopped = true;
			renewals.execute(this::renew);
		}

		private void sleep(Duration wait) {
			try {
				Thread.sleep(wait.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				stopped = true;
			}
		}

	}

}
