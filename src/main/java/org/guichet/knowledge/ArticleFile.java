package org.guichet.knowledge;

import org.guichet.tickets.AttachmentFile;
import org.springframework.http.HttpHeaders;

/** An article's file ready to be served, with the same headers as a ticket's ({@link AttachmentFile}). */
public record ArticleFile(ArticleAttachment attachment, byte[] content) {

	/** As {@link AttachmentFile#headers()}: inline only for the harmless types, {@code nosniff}, its name. */
	public HttpHeaders headers() {
		return AttachmentFile.headers(attachment.getContentType(), attachment.getFileName(), content.length);
	}

}
