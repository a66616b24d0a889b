package org.guichet.presentation.anonymise;

import org.jspecify.annotations.Nullable;

/**
 * A piece of a text to replace.
 *
 * @param start its first character
 * @param end just after its last character
 * @param kind what it is; its order breaks ties between findings of the same place and length
 * @param person for a name or a login, whose ({@code null} for the organisation's name)
 * @param firstName for a name: whether it is a first name alone
 */
record Finding(int start, int end, Kind kind, Pseudonyms.@Nullable Known person, boolean firstName) {

	enum Kind {
		MENTION, EMAIL, IPV6, IPV4, MAC, PHONE, FQDN, HOST, NAME, ORGANISATION
	}

	Finding(int start, int end, Kind kind) {
		this(start, end, kind, null, false);
	}

	int length() {
		return end - start;
	}

}
