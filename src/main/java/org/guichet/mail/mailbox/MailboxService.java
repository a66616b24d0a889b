package org.guichet.mail.mailbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.Mailboxes;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.system.SecretCipher;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.CategoryRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailboxes administrators configure: every field checked at once, the password encrypted
 * before it is stored and never given back. A change is picked up by the next reading and by the
 * IDLE watchers ({@link MailboxChanged}).
 */
@Service
public class MailboxService implements Mailboxes {

	/** The shortest wait between two readings of a mailbox, in seconds. */
	public static final int MIN_POLL_SECONDS = 10;

	static final int MAX_POLL_SECONDS = 86_400;

	/** The largest attachment limit, in bytes (100 MiB). */
	static final long MAX_ATTACHMENT_LIMIT = 100L * 1024 * 1024;

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253})|\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f:.]+");

	private static final Pattern DOMAIN = Pattern.compile("@?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	private final MailboxStore store;

	private final SecretCipher cipher;

	private final SupportGroupRepository groups;

	private final CategoryRepository categories;

	private final MessageRetries retries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MailboxService(MailboxStore store, SecretCipher cipher, SupportGroupRepository groups,
			CategoryRepository categories, MessageRetries retries, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.cipher = cipher;
		this.groups = groups;
		this.categories = categories;
		this.retries = retries;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReadMailbox> enabled() {
		return store.all().stream().filter(mailbox -> mailbox.definition().enabled()).map(mailbox -> {
			MailboxDefinition d = mailbox.definition();
			return new ReadMailbox(d.name(), d.address(), d.protocol(), d.host() + ":" + d.port(),
					d.security() != Security.NONE);
		}).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String address) {
		String wanted = address.strip().toLowerCase(Locale.ROOT);
		return store.all().stream().anyMatch(mailbox -> mailbox.definition().address().equals(wanted));
	}

	/** Every mailbox, by name. */
	@Transactional(readOnly = true)
	List<StoredMailbox> list() {
		return store.all();
	}

	/** @throws NotFoundException when there is no such mailbox */
	@Transactional(readOnly = true)
	StoredMailbox get(long id) {
		return store.find(id).orElseThrow(() -> notFound(id));
	}

	@Override
	@Transactional
	public long create(MailboxDefinition definition) {
		MailboxDefinition checked = check(definition, null);
		long id = store.insert(checked, cipher.encrypt(Objects.requireNonNull(checked.password())), clock.instant());
		events.publishEvent(new MailboxChanged(id));
		return id;
	}

	/**
	 * Changes a mailbox; an empty password keeps the stored one. Its failed messages get their
	 * chances again.
	 *
	 * @param expectedVersion the version the change was made on
	 * @throws NotFoundException when there is no such mailbox
	 * @throws VersionMismatchException when the mailbox changed since {@code expectedVersion}
	 * @throws InvalidInputException listing every wrong field
	 */
	@Transactional
	StoredMailbox update(long id, long expectedVersion, MailboxDefinition definition) {
		VersionMismatchException.check(expectedVersion, store.lockedVersion(id).orElseThrow(() -> notFound(id)));
		StoredMailbox current = get(id);
		MailboxDefinition checked = check(definition, id);
		String password = checked.password();
		String secret = password == null || password.isEmpty() ? current.passwordSecret() : cipher.encrypt(password);
		store.update(id, checked, secret);
		retries.forget(id);
		events.publishEvent(new MailboxChanged(id));
		return get(id);
	}

	/** Disables or enables a mailbox, its settings unchanged. @throws NotFoundException when there is none */
	@Transactional
	void enable(long id, boolean enabled) {
		if (!store.enable(id, enabled)) {
			throw notFound(id);
		}
		events.publishEvent(new MailboxChanged(id));
	}

	/** Deletes a mailbox; its messages stay on the server. @throws NotFoundException when there is none */
	@Transactional
	void delete(long id) {
		if (!store.delete(id)) {
			throw notFound(id);
		}
		retries.forget(id);
		events.publishEvent(new MailboxChanged(id));
	}

	/** The stored password of a mailbox, decrypted. @throws SecretCipher.UnreadableSecretException */
	String password(StoredMailbox mailbox) {
		return cipher.decrypt(mailbox.passwordSecret());
	}

	/**
	 * The definition to test a connection with: the one typed, its empty password replaced by the
	 * stored one of mailbox {@code id} when given.
	 */
	@Transactional(readOnly = true)
	String passwordForTest(@Nullable Long id, @Nullable String typed) {
		if (typed != null && !typed.isEmpty()) {
			return typed;
		}
		if (id == null) {
			throw new InvalidInputException("password", "mailbox.invalid.password",
					"Type the password of the mailbox's account");
		}
		return password(get(id));
	}

	/**
	 * The definition to test a connection with: refused only for what the connection needs (protocol,
	 * server, login, folders), so that a connection can be tried before the rest is filled in.
	 *
	 * @throws InvalidInputException listing every wrong field the connection needs
	 */
	MailboxDefinition checkForTest(MailboxDefinition d, @Nullable Long id) {
		try {
			return check(d, id);
		}
		catch (InvalidInputException ex) {
			List<InvalidInputException> all = new ArrayList<>(List.of(ex));
			all.addAll(ex.others());
			InputChecks checks = new InputChecks();
			all.stream().filter(refusal -> CONNECTION_FIELDS.contains(refusal.field())).forEach(refusal -> checks.check(() -> {
				throw refusal;
			}));
			checks.refuseIfAny();
			boolean pop3 = d.protocol() == Protocol.POP3;
			String folder = pop3 || d.folder() == null || d.folder().isBlank() ? "INBOX" : d.folder().strip();
			return new MailboxDefinition(d.name(), d.address(), d.protocol(), d.host().strip(), d.port(), d.security(),
					d.username().strip(), d.password(), folder, d.afterIngest(),
					d.afterIngest() == AfterIngest.MOVE ? d.moveTo() : null, d.pollSeconds(), d.idle(), d.enabled(),
					d.groupId(), d.type(), d.categoryId(), d.unknownSenders(), List.of(), List.of(), d.attachmentLimit());
		}
	}

	private static final java.util.Set<String> CONNECTION_FIELDS = java.util.Set.of("protocol", "host", "port",
			"security", "username", "password", "folder", "afterIngest", "moveTo");

	/**
	 * The definition normalised (address in lower case, POP3 folder INBOX, no IDLE on POP3, no
	 * folder to move to unless moving), or a refusal naming every wrong field.
	 *
	 * @param id the mailbox changed, null for a new one (whose password is then required)
	 */
	MailboxDefinition check(MailboxDefinition d, @Nullable Long id) {
		InputChecks checks = new InputChecks();
		String name = d.name() == null ? "" : d.name().strip();
		checks.check(() -> {
			if (name.isEmpty() || name.length() > 100) {
				throw invalid("name", "Give the mailbox a name of 1 to 100 characters, e.g. Support");
			}
			OneLine.Check.check("name", name);
			if (store.all().stream().anyMatch(other -> other.id() != Objects.requireNonNullElse(id, -1L)
					&& other.definition().name().equalsIgnoreCase(name))) {
				throw new InvalidInputException("name", "mailbox.invalid.name.taken",
						"Another mailbox is called «" + name + "»: choose another name", name);
			}
		});
		String address = d.address() == null ? "" : d.address().strip().toLowerCase(Locale.ROOT);
		checks.check(() -> {
			if (!isAddress(address)) {
				throw invalid("address", "Give the mailbox's own address, e.g. support@example.org");
			}
			if (store.all().stream().anyMatch(other -> other.id() != Objects.requireNonNullElse(id, -1L)
					&& other.definition().address().equals(address))) {
				throw new InvalidInputException("address", "mailbox.invalid.address.taken",
						"Another mailbox reads «" + address + "»", address);
			}
		});
		checks.check(() -> require(d.protocol() != null, "protocol", "Choose IMAP or POP3"));
		String host = d.host() == null ? "" : d.host().strip();
		checks.check(() -> require(host.length() <= 255 && HOST.matcher(host).matches(), "host",
				"Give the mail server's name or IP address, e.g. imap.example.org, without protocol nor port"));
		checks.check(() -> require(d.port() >= 1 && d.port() <= 65535, "port",
				"Give a port from 1 to 65535: usually 993 for IMAP over TLS, 143 otherwise, 995 for POP3 over TLS, 110 otherwise"));
		checks.check(() -> require(d.security() != null, "security", "Choose TLS, STARTTLS or none"));
		String username = d.username() == null ? "" : d.username().strip();
		checks.check(() -> require(!username.isEmpty() && username.length() <= 320, "username",
				"Give the login of the mailbox's account (1 to 320 characters)"));
		String password = d.password() == null ? "" : d.password();
		checks.check(() -> require(id != null || !password.isEmpty(), "password",
				"Type the password of the mailbox's account"));
		checks.check(() -> require(password.length() <= 500, "password", "The password has more than 500 characters"));
		boolean pop3 = d.protocol() == Protocol.POP3;
		String folder = pop3 ? "INBOX" : d.folder() == null || d.folder().isBlank() ? "INBOX" : d.folder().strip();
		checks.check(() -> require(folder.length() <= 200, "folder", "Give a folder name of at most 200 characters"));
		AfterIngest after = d.afterIngest();
		checks.check(() -> {
			if (after == null) {
				throw invalid("afterIngest", "Choose what is done with a message once it is ingested");
			}
			if (pop3 && (after == AfterIngest.MARK_SEEN || after == AfterIngest.MOVE)) {
				throw new InvalidInputException("afterIngest", "mailbox.invalid.afterIngest.pop3",
						"POP3 has neither flags nor folders: choose to delete or to keep the messages");
			}
			if (!pop3 && after == AfterIngest.KEEP) {
				throw new InvalidInputException("afterIngest", "mailbox.invalid.afterIngest.imap",
						"On IMAP, choose to mark the messages seen, move them or delete them");
			}
		});
		String moveTo = after == AfterIngest.MOVE && d.moveTo() != null ? d.moveTo().strip() : null;
		checks.check(() -> {
			if (after == AfterIngest.MOVE && !pop3 && (moveTo == null || moveTo.isEmpty() || moveTo.length() > 200
					|| moveTo.equals(folder))) {
				throw invalid("moveTo", "Give the folder messages are moved to, other than the folder read, e.g. Processed");
			}
		});
		checks.check(() -> require(d.pollSeconds() >= MIN_POLL_SECONDS && d.pollSeconds() <= MAX_POLL_SECONDS,
				"pollSeconds", "Read the mailbox every 10 to 86400 seconds", MIN_POLL_SECONDS, MAX_POLL_SECONDS));
		checks.check(() -> require(groups.existsById(d.groupId()), "groupId", "Choose the group new tickets go to"));
		checks.check(() -> require(d.type() != null, "type", "Choose the type of new tickets"));
		checks.check(() -> require(d.categoryId() == null || categories.existsById(d.categoryId()), "categoryId",
				"Choose an existing category, or none"));
		checks.check(() -> require(d.unknownSenders() != null, "unknownSenders",
				"Choose what a mail from an unknown address does"));
		List<String> allowed = entries(d.allowed());
		List<String> blocked = entries(d.blocked());
		checks.check(() -> checkEntries("allowed", allowed));
		checks.check(() -> checkEntries("blocked", blocked));
		checks.check(() -> require(d.attachmentLimit() >= 0 && d.attachmentLimit() <= MAX_ATTACHMENT_LIMIT,
				"attachmentLimit", "Give an attachment limit from 0 to 100 MB", 0, 100));
		checks.refuseIfAny();
		return new MailboxDefinition(name, address, d.protocol(), host, d.port(), d.security(), username,
				password.isEmpty() ? null : password, folder, after, after == AfterIngest.MOVE ? moveTo : null,
				d.pollSeconds(), !pop3 && d.idle(), d.enabled(), d.groupId(), d.type(), d.categoryId(),
				d.unknownSenders(), allowed, blocked, d.attachmentLimit());
	}

	private static List<String> entries(@Nullable List<String> entries) {
		List<String> out = new ArrayList<>();
		for (String entry : entries == null ? List.<String>of() : entries) {
			String clean = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
			if (!clean.isEmpty() && !out.contains(clean)) {
				out.add(clean);
			}
		}
		return out;
	}

	private static void checkEntries(String field, List<String> entries) {
		List<String> wrong = entries.stream().filter(entry -> !isAddress(entry) && !DOMAIN.matcher(entry).matches())
			.toList();
		if (!wrong.isEmpty()) {
			throw new InvalidInputException(field, "mailbox.invalid.entries",
					"Not an address nor a domain: " + String.join(", ", wrong)
							+ ". Write one per line, e.g. alice@example.org or example.org",
					String.join(", ", wrong));
		}
		if (String.join("\n", entries).length() > 4000) {
			throw new InvalidInputException(field, "mailbox.invalid.entries.long",
					"The list is longer than 4000 characters");
		}
	}

	private static boolean isAddress(String text) {
		if (text.isEmpty() || text.length() > 320 || !text.contains("@")) {
			return false;
		}
		try {
			InternetAddress address = new InternetAddress(text, true);
			address.validate();
			return address.getAddress().equals(text) && address.getPersonal() == null;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private static void require(boolean ok, String field, String english, Object... arguments) {
		if (!ok) {
			throw new InvalidInputException(field, "mailbox.invalid." + field, english, arguments);
		}
	}

	private static InvalidInputException invalid(String field, String english) {
		return new InvalidInputException(field, "mailbox.invalid." + field, english);
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("mailbox.not-found", "No mailbox with this number", id);
	}

	/** A mailbox was created, changed or deleted. */
	record MailboxChanged(long mailboxId) {
	}

}
