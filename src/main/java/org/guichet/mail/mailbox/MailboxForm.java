package org.guichet.mail.mailbox;

import java.util.Arrays;
import java.util.List;

import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.MailboxDefinition.AfterIngest;
import org.guichet.mail.MailboxDefinition.Protocol;
import org.guichet.mail.MailboxDefinition.Security;
import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * The mailbox form as typed: the password field is always shown empty (empty on a change keeps
 * the stored password), the allow and block lists are one entry a line, the attachment limit is in
 * megabytes (MiB).
 */
public class MailboxForm {

	private static final long MIB = 1024L * 1024;

	private String name = "";

	private String address = "";

	private @Nullable Protocol protocol = Protocol.IMAP;

	private String host = "";

	private @Nullable Integer port = 993;

	private @Nullable Security security = Security.TLS;

	private String username = "";

	private String password = "";

	private String folder = "INBOX";

	private @Nullable AfterIngest afterIngest = AfterIngest.MARK_SEEN;

	private String moveTo = "";

	private @Nullable Integer pollSeconds = 60;

	private boolean idle = true;

	private boolean enabled = true;

	private @Nullable Long groupId;

	private @Nullable TicketType type = TicketType.INCIDENT;

	private @Nullable Long categoryId;

	private @Nullable UnknownSenders unknownSenders = UnknownSenders.CREATE_REQUESTER;

	private String allowed = "";

	private String blocked = "";

	private @Nullable Integer attachmentLimit = 10;

	/** The mailbox's version the form was opened on; 0 for a new one. */
	private long version;

	static MailboxForm of(StoredMailbox mailbox) {
		MailboxDefinition d = mailbox.definition();
		MailboxForm form = new MailboxForm();
		form.version = mailbox.version();
		form.name = d.name();
		form.address = d.address();
		form.protocol = d.protocol();
		form.host = d.host();
		form.port = d.port();
		form.security = d.security();
		form.username = d.username();
		form.folder = d.folder();
		form.afterIngest = d.afterIngest();
		form.moveTo = d.moveTo() == null ? "" : d.moveTo();
		form.pollSeconds = d.pollSeconds();
		form.idle = d.idle();
		form.enabled = d.enabled();
		form.groupId = d.groupId();
		form.type = d.type();
		form.categoryId = d.categoryId();
		form.unknownSenders = d.unknownSenders();
		form.allowed = String.join("\n", d.allowed());
		form.blocked = String.join("\n", d.blocked());
		form.attachmentLimit = (int) Math.ceil(d.attachmentLimit() / (double) MIB);
		return form;
	}

	/** The definition typed; fields left empty or mistyped become values the service refuses with their field. */
	MailboxDefinition definition() {
		return new MailboxDefinition(name, address, protocol, host, port == null ? 0 : port, security, username, password,
				folder, afterIngest, moveTo, pollSeconds == null ? 0 : pollSeconds, idle, enabled,
				groupId == null ? 0 : groupId, type, categoryId, unknownSenders, lines(allowed), lines(blocked),
				attachmentLimit == null ? -1 : attachmentLimit * MIB);
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,;]+")).map(String::strip)
			.filter(line -> !line.isEmpty()).toList();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public @Nullable Protocol getProtocol() {
		return protocol;
	}

	public void setProtocol(@Nullable Protocol protocol) {
		this.protocol = protocol;
	}

	public String getHost() {
		return host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public @Nullable Integer getPort() {
		return port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable Security getSecurity() {
		return security;
	}

	public void setSecurity(@Nullable Security security) {
		this.security = security;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getFolder() {
		return folder;
	}

	public void setFolder(String folder) {
		this.folder = folder;
	}

	public @Nullable AfterIngest getAfterIngest() {
		return afterIngest;
	}

	public void setAfterIngest(@Nullable AfterIngest afterIngest) {
		this.afterIngest = afterIngest;
	}

	public String getMoveTo() {
		return moveTo;
	}

	public void setMoveTo(String moveTo) {
		this.moveTo = moveTo;
	}

	public @Nullable Integer getPollSeconds() {
		return pollSeconds;
	}

	public void setPollSeconds(@Nullable Integer pollSeconds) {
		this.pollSeconds = pollSeconds;
	}

	public boolean isIdle() {
		return idle;
	}

	public void setIdle(boolean idle) {
		this.idle = idle;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public @Nullable TicketType getType() {
		return type;
	}

	public void setType(@Nullable TicketType type) {
		this.type = type;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public @Nullable UnknownSenders getUnknownSenders() {
		return unknownSenders;
	}

	public void setUnknownSenders(@Nullable UnknownSenders unknownSenders) {
		this.unknownSenders = unknownSenders;
	}

	public String getAllowed() {
		return allowed;
	}

	public void setAllowed(String allowed) {
		this.allowed = allowed;
	}

	public String getBlocked() {
		return blocked;
	}

	public void setBlocked(String blocked) {
		this.blocked = blocked;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable Integer getAttachmentLimit() {
		return attachmentLimit;
	}

	public void setAttachmentLimit(@Nullable Integer attachmentLimit) {
		this.attachmentLimit = attachmentLimit;
	}

}
