package org.guichet.tickets;

import java.util.Locale;
import java.util.Set;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What an attached file may be called and weigh, and which types a browser may display inline.
 * Every other type is served as a download, so an uploaded page or script never runs in
 * Guichet's origin.
 */
final class AttachmentRules {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
			"application/pdf", "text/plain");

	private AttachmentRules() {
	}

	static String safeFileName(@Nullable String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			throw new InvalidInputException("file", "attachment.name-required", "The file has no name");
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	static void checkSize(long size) {
		if (size == 0) {
			throw new InvalidInputException("file", "attachment.empty", "The file is empty");
		}
		if (size > MAX_BYTES) {
			throw new InvalidInputException("file", "attachment.too-large", "The file is larger than 10 MB", 10);
		}
	}

	static String normalisedType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank() || contentType.length() > 120) {
			return "application/octet-stream";
		}
		return contentType.toLowerCase(Locale.ROOT).strip();
	}

	static boolean displayableInline(String contentType) {
		return INLINE_TYPES.contains(contentType);
	}

}
