package org.guichet.presentation.anonymise;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Someone whose identity a dossier must hide.
 *
 * @param id the directory's user id (any number unique among the people given)
 * @param role how the person is named: requesters by a letter, technicians by a number, others by
 *     a letter of their own
 * @param fullName the name as the directory shows it, not blank
 * @param firstName the first name; null to take the first word of the full name
 * @param lastName the last name; null to take the rest of the full name (none for a one-word name)
 * @param login the user name people write as {@code @login}; null if none
 * @param email the e-mail address; null if none
 * @param phone the phone number in any format; null if none
 */
public record Person(long id, Role role, String fullName, @Nullable String firstName, @Nullable String lastName,
		@Nullable String login, @Nullable String email, @Nullable String phone) {

	/** How a person takes part, which decides the pseudonym's word and mark. */
	public enum Role {

		/** Named "Demandeur A", "Demandeur B"… ("Requester A"). */
		REQUESTER,

		/** Named "Technicien 1", "Technicien 2"… ("Technician 1"). */
		TECHNICIAN,

		/** Anyone else (supervisor, observer, colleague named in a text): "Personne A"… ("Person A"). */
		OTHER

	}

	/**
	 * @throws IllegalArgumentException when the full name is blank
	 */
	public Person {
		Objects.requireNonNull(role, "role");
		if (fullName.isBlank()) {
			throw new IllegalArgumentException("fullName: blank for person " + id);
		}
	}

	/** The first name given, else the first word of the full name. */
	String first() {
		return firstName != null && !firstName.isBlank() ? firstName.strip() : fullName.strip().split("\\s+", 2)[0];
	}

	/** The last name given, else the full name without its first word; null for a one-word name. */
	@Nullable String last() {
		if (lastName != null && !lastName.isBlank()) {
			return lastName.strip();
		}
		String[] words = fullName.strip().split("\\s+", 2);
		return words.length == 2 ? words[1] : null;
	}

}
