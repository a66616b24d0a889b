package org.guichet.tickets;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.guichet.directory.User;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What is known of an attached file; its bytes live apart, in {@link AttachmentContent}, so that
 * listing a ticket's files never reads them.
 */
@Entity
@Table(name = "ticket_attachment")
public class Attachment {

	/** The largest file a ticket accepts, in bytes (10 MiB). */
	public static final long MAX_BYTES = AttachmentRules.MAX_BYTES;

	/**
	 * Checks the size of a file before anything it comes with is saved.
	 * @throws org.guichet.system.InvalidInputException (field {@code file}) when empty or over {@link #MAX_BYTES}
	 */
	public static void checkSize(long bytes) {
		AttachmentRules.checkSize(bytes);
	}

	/**
	 * Whether a file's name, as a browser sends it, leaves a name once its path and control
	 * characters are removed: a file without one is refused ({@code attachment.name-required}).
	 */
	public static boolean hasName(@Nullable String fileName) {
		try {
			AttachmentRules.safeFileName(fileName);
			return true;
		}
		catch (InvalidInputException ex) {
			return false;
		}
	}

	/**
	 * The name a file is stored under: its path and control characters removed, at most 255
	 * characters (the end kept), for another module that keeps files the same way (the knowledge base).
	 * @throws org.guichet.system.InvalidInputException (field {@code file}) when no name is left
	 */
	public static String safeFileName(@Nullable String fileName) {
		return AttachmentRules.safeFileName(fileName);
	}

	/** The content type as stored: lower case, {@code application/octet-stream} when missing or absurd. */
	public static String normalisedType(@Nullable String contentType) {
		return AttachmentRules.normalisedType(contentType);
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "uploaded_by_id")
	private User uploadedBy;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private boolean internal;

	private Instant createdAt;

	// The ticket this file was added to, when a merge moved it here; null when added here.
	@Column(name = "merged_from_ticket_id", updatable = false)
	private @Nullable Long mergedFrom;

	@SuppressWarnings("NullAway")
	protected Attachment() {
		this.fileName = "";
		this.contentType = "";
		this.createdAt = Instant.EPOCH;
	}

	Attachment(Ticket ticket, User uploadedBy, String fileName, String contentType, long sizeBytes, boolean internal,
			Instant createdAt) {
		this.ticket = ticket;
		this.uploadedBy = uploadedBy;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.internal = internal;
		this.createdAt = createdAt;
	}

	public @Nullable Long getId() {
		return id;
	}

	public Ticket getTicket() {
		return ticket;
	}

	public User getUploadedBy() {
		return uploadedBy;
	}

	public String getFileName() {
		return fileName;
	}

	public String getContentType() {
		return contentType;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	/** Whether a browser may show the file itself rather than download it. */
	public boolean isDisplayableInline() {
		return AttachmentRules.displayableInline(contentType);
	}

	/**
	 * Whether it is a picture a browser shows inline (PNG, JPEG, GIF, WebP; never SVG, which
	 * could carry script), so pages may show it as a thumbnail.
	 */
	public boolean isImage() {
		return isDisplayableInline() && contentType.startsWith("image/");
	}

	public boolean isInternal() {
		return internal;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	/**
	 * The number ({@code #N}) of the duplicate this file was added to, when merging that ticket
	 * moved it to this one; null for a file added to this ticket.
	 */
	public @Nullable String getMergedFromNumber() {
		return mergedFrom == null ? null : new TicketId(mergedFrom).toString();
	}

}
