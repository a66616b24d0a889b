package org.guichet.tickets;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * An attached file ready to be served, with the headers every download (pages and API) sends.
 */
public record AttachmentFile(Attachment attachment, byte[] content) {

	private static final String EXTENDED = "filename*=";

	/**
	 * The headers that serve the file: its own type for the harmless types a browser shows,
	 * opaque bytes to download for any other; {@code nosniff}; its length; and its name both as
	 * an ASCII {@code filename} for old clients and as the UTF-8 {@code filename*} of RFC 6266.
	 */
	public HttpHeaders headers() {
		return headers(attachment.getContentType(), attachment.getFileName(), content.length);
	}

	/**
	 * {@link #headers()} for a file kept by another module the same way (the knowledge base's).
	 *
	 * @param contentType as stored ({@link Attachment#normalisedType})
	 * @param length in bytes
	 */
	public static HttpHeaders headers(String contentType, String fileName, long length) {
		boolean inline = AttachmentRules.displayableInline(contentType);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(inline ? MediaType.parseMediaType(contentType) : MediaType.APPLICATION_OCTET_STREAM);
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline, fileName));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setContentLength(length);
		return headers;
	}

	/**
	 * {@code inline} or {@code attachment}, with {@code filename="<ASCII fallback>"} and
	 * {@code filename*=UTF-8''<the name, percent-encoded>}, both written by Spring's builder: it
	 * writes only one name per disposition, so the UTF-8 parameter is taken from a second one.
	 * Every download names its file with it (attachments, the service review's PDF).
	 */
	public static String contentDisposition(boolean inline, String fileName) {
		String fallback = builder(inline).filename(asciiFallback(fileName)).build().toString();
		String utf8 = builder(inline).filename(fileName, StandardCharsets.UTF_8).build().toString();
		return fallback + "; " + utf8.substring(utf8.indexOf(EXTENDED));
	}

	private static ContentDisposition.Builder builder(boolean inline) {
		return inline ? ContentDisposition.inline() : ContentDisposition.attachment();
	}

	/**
	 * The name in printable ASCII: accents dropped ({@code é} → {@code e}), typographic quotes
	 * made plain, any other character replaced by {@code _}.
	 */
	static String asciiFallback(String fileName) {
		String decomposed = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		StringBuilder ascii = new StringBuilder(decomposed.length());
		decomposed.codePoints().forEach(c -> ascii.append(switch (c) {
			case '\u2018', '\u2019', '\u201A', '\u2032' -> '\'';
			case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
			default -> c >= 0x20 && c < 0x7F ? (char) c : '_';
		}));
		return ascii.toString();
	}

}
