package org.guichet.knowledge;

import org.guichet.tickets.AttachmentFile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** An article's file ready to be served, with the same headers as a ticket's ({@link AttachmentFile}), SVG aside. */
public record ArticleFile(ArticleAttachment attachment, byte[] content) {

	/** The SVG type, the one image the tickets' rules serve as a download. */
	static final String SVG = "image/svg+xml";

	/**
	 * What an SVG may do when opened by itself: nothing but draw. {@code sandbox} gives it an
	 * origin of its own and no script; {@code default-src 'none'} loads nothing from anywhere.
	 */
	static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

	/**
	 * As {@link AttachmentFile#headers()}: inline only for the harmless types, {@code nosniff}, its
	 * name. An SVG, which an article's text shows as an image, is served as itself, inline, under
	 * {@link #SVG_POLICY}: in an {@code <img>} a browser never runs its scripts, and opened alone
	 * (the link under the image, a typed address) the policy keeps them from running in
	 * Guichet's origin.
	 */
	public HttpHeaders headers() {
		String type = attachment.getContentType();
		if (!SVG.equals(type)) {
			return AttachmentFile.headers(type, attachment.getFileName(), content.length);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(SVG));
		headers.set(HttpHeaders.CONTENT_DISPOSITION, AttachmentFile.contentDisposition(true, attachment.getFileName()));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", SVG_POLICY);
		headers.setContentLength(content.length);
		return headers;
	}

}
