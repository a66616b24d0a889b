package org.guichet.reporting.review;

import java.util.Locale;

import org.guichet.system.HtmlPdf;
import org.guichet.tickets.AttachmentFile;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The service review as a document of its own: one HTML page with its styles and charts inline
 * ({@code templates/reports/review-document.html}), answered as is ({@code format=html}) or
 * printed to PDF from that same HTML ({@link HtmlPdf}), as a download named
 * {@code service-review-YYYY-MM.pdf} ({@code revue-de-service-YYYY-MM.pdf} in French).
 */
@Component
class ReviewDocument {

	private final ITemplateEngine templates;


	private final MessageSource messages;

	ReviewDocument(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	/** The review as a whole HTML document in {@code locale}, with no link back to the application. */
	String html(ServiceReview review, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("review", review);
		context.setVariable("links", false);
		return templates.process("reports/review-document", context);
	}

	ResponseEntity<String> htmlResponse(ServiceReview review, Locale locale) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(html(review, locale));
	}

	/** The review's PDF as a download, named for its month in {@code locale}. */
	ResponseEntity<byte[]> pdfResponse(ServiceReview review, Locale locale) {
		byte[] bytes = HtmlPdf.render(html(review, locale));
		String fileName = messages.getMessage("review.file-name", new Object[] { review.month() }, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, AttachmentFile.contentDisposition(false, fileName))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentLength(bytes.length)
			.body(bytes);
	}

}
