package org.guichet.tickets.web;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A file's size for people, in the reader's language ({@code @fileSizes} in the pages): bytes
 * under a kibibyte, else kibibytes or mebibytes with one decimal under ten ("1.5 MB", "1,5 Mo"),
 * whole above ("12 KB", "12 Ko"). Never "0.0 KB": a tiny file says its bytes. Every size shown or
 * checked on a page goes through here, so that French reads "Ko" and "Mo".
 */
@Component("fileSizes")
public class FileSizes {

	private static final long KIB = 1024;

	private static final long MIB = KIB * KIB;

	private final MessageSource messages;

	FileSizes(MessageSource messages) {
		this.messages = messages;
	}

	/** {@link #text(long, Locale)} in the language of the current request. */
	public String text(long bytes) {
		return text(bytes, LocaleContextHolder.getLocale());
	}

	/**
	 * @param bytes the size, at least 0
	 * @return e.g. "512 bytes", "1.5 KB", "10 MB"; "512 octets", "1,5 Ko", "10 Mo" in French
	 */
	public String text(long bytes, Locale locale) {
		if (bytes < KIB) {
			return messages.getMessage("size.bytes", new Object[] { bytes }, locale);
		}
		boolean mebibytes = bytes >= MIB;
		double value = (double) bytes / (mebibytes ? MIB : KIB);
		NumberFormat number = NumberFormat.getNumberInstance(locale);
		number.setMaximumFractionDigits(value < 10 ? 1 : 0);
		return messages.getMessage(mebibytes ? "size.mb" : "size.kb", new Object[] { number.format(value) }, locale);
	}

}
