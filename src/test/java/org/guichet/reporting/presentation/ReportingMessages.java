package org.guichet.reporting.presentation;

import java.nio.charset.StandardCharsets;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The bundles the reporting pages and review read, for tests without Spring. */
public final class ReportingMessages {

	private ReportingMessages() {
	}

	public static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/dashboard", "i18n/messages", "i18n/errors");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
