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

	AttachmentLimit(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipartLimit) {
		long multipart = multipartLimit.toBytes() < 0 ? Long.MAX_VALUE : multipartLimit.toBytes();
		this.maxBytes = Math.min(Attachment.MAX_BYTES, multipart);
	}

	/** In bytes, at least 1. */
	public long maxBytes() {
		return maxBytes;
	}

	/** The limit for people, in whole megabytes (MiB) when it is one, e.g. "10 MB"; else in KB. */
	public String text() {
		long mebibyte = 1024L * 1024;
		return maxBytes % mebibyte == 0 ? maxBytes / mebibyte + " MB" : Math.max(1, maxBytes / 1024) + " KB";
	}

}
