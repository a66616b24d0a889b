package org.guichet.links;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start refused for want of a signed links setting, and says what to set, instead of a stack trace. */
class LinkSettingMissingFailureAnalyzer extends AbstractFailureAnalyzer<LinkSettingMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LinkSettingMissingException cause) {
		return new FailureAnalysis("""
				The links that act without logging in (accept or refuse a solution, rate the service, sent in \
				mails) cannot be made: %s""".formatted(cause.getMessage()), """
				Set guichet.links.key (environment variable GUICHET_LINKS_KEY) to at least 32 random bytes in \
				base64, e.g. the output of: openssl rand -base64 32 ; keep it secret and the same on every node. \
				Set guichet.base-url (GUICHET_BASE_URL) to the address people open Guichet at, e.g. \
				https://guichet.example.org (see docs/CONFIGURATION.md#signed-links).""", cause);
	}

}
