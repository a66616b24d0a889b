package org.guichet.presentation.anonymise;

import java.util.List;
import java.util.Locale;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pseudonyms built from the directory, in French and English. */
@GuichetIntegrationTest
@DatabaseNeutral
class AnonymisationIT {

	@Autowired
	Anonymisation anonymisation;

	@Autowired
	TestFixtures fixtures;

	@Autowired
	UserRepository users;

	@Test
	void theRequesterAndTechniciansAreNamedInOrderAndAnyOtherUserWhenMet() {
		User requester = named(fixtures.user("anon-requester", Role.REQUESTER), "Gaëlle Lefèvre", "+33 4 78 12 34 56");
		User technician = named(fixtures.user("anon-tech", Role.TECHNICIAN), "Yannick Moreau", null);
		User colleague = named(fixtures.user("anon-colleague", Role.REQUESTER), "Hervé Quentin", null);

		Pseudonyms french = anonymisation.pseudonyms(List.of(requester.getId()), List.of(technician.getId()), Locale.FRENCH);

		assertThat(french.person(requester.getId())).isEqualTo("Demandeur A");
		assertThat(french.person(technician.getId())).isEqualTo("Technicien 1");
		assertThat(french.text("Gaelle (04 78 12 34 56, " + requester.getEmail() + ") voit avec @" + technician.getUsername()
				+ " et Hervé Quentin"))
			.isEqualTo("Demandeur A (téléphone de Demandeur A, demandeur-a@example.invalid) voit avec Technicien 1 et Personne A");
		assertThat(french.person(colleague.getId())).isEqualTo("Personne A");

		Pseudonyms english = anonymisation.pseudonyms(List.of(requester.getId()), List.of(technician.getId()), Locale.ENGLISH);
		assertThat(english.text("Lefèvre and MOREAU")).isEqualTo("Requester A and Technician 1");
	}

	@Test
	void anIdThatIsNoUsersIsRefused() {
		assertThatThrownBy(() -> anonymisation.pseudonyms(List.of(-5L), List.of(), Locale.FRENCH))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-5");
	}

	private User named(User user, String fullName, String phone) {
		user.setFullName(fullName);
		user.setPhone(phone);
		return users.save(user);
	}

}
