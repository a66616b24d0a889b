package org.guichet.system;

import java.math.BigInteger;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Date;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's messages, where a plain placeholder ({@code {0}}) prints a whole number as
 * it is, without grouping: an id, a ticket's number, a version or a year is a name, and
 * {@code MessageFormat} printed ticket 1234 as "ticket 1,234" (English) or "ticket 1 234" (French).
 * A count that should read grouped says so in its message: {@code {0,number,integer}}. Other
 * arguments print as {@code MessageFormat} prints them (decimals and dates in the locale's way).
 * See docs/adr/024-plain-integers-in-messages.md.
 */
public class PlainIntegersMessageSource extends ResourceBundleMessageSource {

	@Override
	protected MessageFormat createMessageFormat(String message, Locale locale) {
		MessageFormat format = super.createMessageFormat(message, locale);
		Format[] formats = format.getFormats();
		for (int i = 0; i < formats.length; i++) {
			if (formats[i] == null) {
				formats[i] = new PlainIntegers(locale);
			}
		}
		format.setFormats(formats);
		return format;
	}

	/** A plain placeholder's format: whole numbers as they are, anything else as MessageFormat would. */
	private static final class PlainIntegers extends Format {

		private final Locale locale;

		PlainIntegers(Locale locale) {
			this.locale = locale;
		}

		@Override
		public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
			if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
					|| value instanceof BigInteger) {
				return to.append(value);
			}
			if (value instanceof Number) {
				return NumberFormat.getInstance(locale).format(value, to, position);
			}
			if (value instanceof Date) {
				return DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale).format(value, to, position);
			}
			return to.append(value);
		}

		@Override
		public Object parseObject(String source, ParsePosition position) {
			throw new UnsupportedOperationException("messages are only written");
		}

	}

}
