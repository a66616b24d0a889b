package org.guichet.presentation.anonymise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link Pseudonyms} of a dossier or a pack from the directory: the requesters and
 * technicians given, then every other user of the directory (active or not, by id) as "others", named
 * only when met, so that a colleague named in a text is replaced too. No setting holds the
 * organisation's name yet: the caller may give it, replaced by the word {@code anonymise.organisation}.
 */
@Service
public class Anonymisation {

	private final UserRepository users;

	private final MessageSource messages;

	Anonymisation(UserRepository users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	/**
	 * @param requesterIds user ids named "Demandeur A", "Demandeur B"… in this order
	 * @param technicianIds user ids named "Technicien 1", "Technicien 2"… in this order; an id
	 *     already among the requesters stays a requester
	 * @param locale the dossier's language (French, else English)
	 * @return new pseudonyms, for one dossier or one pack; not thread-safe
	 * @throws IllegalArgumentException for an id that is no user's
	 */
	@Transactional(readOnly = true)
	public Pseudonyms pseudonyms(List<Long> requesterIds, List<Long> technicianIds, Locale locale) {
		return pseudonyms(requesterIds, technicianIds, null, locale);
	}

	/**
	 * {@link #pseudonyms(List, List, Locale)}, the organisation's name replaced too.
	 *
	 * @param organisation the organisation's name as people write it, replaced wherever written by
	 *     "l’organisation" ("the organisation"); null or blank to replace none
	 */
	@Transactional(readOnly = true)
	public Pseudonyms pseudonyms(List<Long> requesterIds, List<Long> technicianIds, @Nullable String organisation,
			Locale locale) {
		Map<Long, User> directory = new LinkedHashMap<>();
		for (User user : users.findAll(Sort.by("id"))) {
			directory.put(user.getId(), user);
		}
		Map<Long, Person.Role> roles = new LinkedHashMap<>();
		requesterIds.forEach(id -> roles.putIfAbsent(id, Person.Role.REQUESTER));
		technicianIds.forEach(id -> roles.putIfAbsent(id, Person.Role.TECHNICIAN));
		List<Person> people = new ArrayList<>();
		roles.forEach((id, role) -> {
			User user = directory.remove(id);
			if (user == null) {
				throw new IllegalArgumentException("user " + id + ": no such user in the directory");
			}
			people.add(person(user, role));
		});
		directory.values().forEach(user -> people.add(person(user, Person.Role.OTHER)));
		Pseudonyms.Builder builder = Pseudonyms.builder(words(locale)).people(people);
		if (organisation != null && !organisation.isBlank()) {
			builder.organisation(organisation.strip(), word("anonymise.organisation", locale));
		}
		return builder.build();
	}

	/** The pseudonyms' words in the language (French, else English), from the presentation bundle. */
	public Words words(Locale locale) {
		return new Words(word("anonymise.requester", locale), word("anonymise.technician", locale),
				word("anonymise.other", locale), word("anonymise.phone-of", locale), word("anonymise.phone", locale),
				word("anonymise.host", locale));
	}

	private String word(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static Person person(User user, Person.Role role) {
		return new Person(user.id().value(), role, user.getFullName(), null, null, user.getUsername(), user.getEmail(),
				user.getPhone());
	}

}
