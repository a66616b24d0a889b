package org.guichet.tickets.web;

import org.guichet.tickets.Attachment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The size of the largest file a form may send, for the pages ({@code @attachmentLimit}): the
 * smaller of what a ticket accepts and of the server's multipart limit
 * ({@code spring.servlet.multipart.max-file-size}), so that the browser refuses a file before
 * sending it rather than after.
 */
@Component("attachmentLimit")
public class AttachmentLimit {

	private final long maxBytes;

	private final FileSizes sizes;

	AttachmentLimit(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipartLimit, FileSizes sizes) {
		long multipart = multipartLimit.toBytes() < 0 ? Long.MAX_VALUE : multipartLimit.toBytes();
		this.maxBytes = Math.min(Attachment.MAX_BYTES, multipart);
		this.sizes = sizes;
	}

	/** In bytes, at least 1. */
	public long maxBytes() {
		return maxBytes;
	}

	/** The limit for people, in the reader's language, e.g. "10 MB", "10 Mo" (see {@link FileSizes}). */
	public String text() {
		return sizes.text(maxBytes);
	}

}
