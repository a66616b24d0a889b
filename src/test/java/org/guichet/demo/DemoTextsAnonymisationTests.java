package org.guichet.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.guichet.demo.DemoCatalogue.Topic;
import org.guichet.demo.DemoOrganisation.Person;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.presentation.anonymise.IdentityScan;
import org.guichet.presentation.anonymise.Pseudonyms;
import org.guichet.presentation.anonymise.Suspect;
import org.guichet.presentation.anonymise.Words;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the demo writes on its tickets (titles, descriptions, replies, notes, solutions,
 * reasons, comments, tasks), with every demo user as its requester and the directory's people as
 * they are, anonymised: none of the demo users' full, first or last names, mentions, e-mail
 * addresses or phone numbers is left.
 */
class DemoTextsAnonymisationTests {

	static final Words FRENCH = new Words("Demandeur {0}", "Technicien {0}", "Personne {0}", "téléphone de {0}",
			"téléphone n° {0}", "hote-{0}");

	static final Map<String, User> USERS = new LinkedHashMap<>();

	static final List<org.guichet.presentation.anonymise.Person> PEOPLE = new ArrayList<>();

	@BeforeAll
	static void theDemoDirectory() {
		// the phones are the first draws of the demo's seed, in the order of the people
		Random random = new Random(DemoData.SEED);
		long id = 1;
		for (Person person : DemoOrganisation.PEOPLE) {
			User user = new User(person.username(), "", person.fullName(), person.role(), Instant.EPOCH);
			user.setEmail(DemoOrganisation.emailOf(person.fullName()));
			user.setPhone(DemoOrganisation.phone(person, random));
			USERS.put(person.username(), user);
			PEOPLE.add(new org.guichet.presentation.anonymise.Person(id++, org.guichet.presentation.anonymise.Person.Role.OTHER,
					person.fullName(), null, null, person.username(), user.getEmail(), user.getPhone()));
		}
	}

	/** The texts the demo writes whoever the requester is. */
	static List<String> commonTexts() {
		List<String> texts = new ArrayList<>();
		for (Topic topic : DemoCatalogue.TOPICS) {
			texts.addAll(List.of(topic.title(), topic.description(), topic.solution(), "Nouvelle intervention. " + topic.solution()));
		}
		Stream.of(DemoCatalogue.FIRST_REPLIES, DemoCatalogue.ESCALATION_SUPERVISOR, DemoCatalogue.REFUSALS,
				DemoCatalogue.AFTER_REFUSAL, DemoCatalogue.CANCELLATIONS, DemoCatalogue.TASKS, DemoMerge.TEXTS)
			.forEach(texts::addAll);
		DemoCatalogue.SATISFACTION_COMMENTS.forEach(texts::addAll);
		texts.addAll(List.of(DemoCatalogue.QUESTION_TO_USER, DemoCatalogue.SUPPLIER_NOTE, DemoCatalogue.ORDER_NOTE,
				DemoCatalogue.ESCALATION_N2, DemoCatalogue.ESCALATION_N3, DemoCatalogue.CANCEL_REASON));
		return texts;
	}

	/** The replies and notes as the demo writes them on a ticket of this requester, naming this colleague. */
	static List<String> personalTexts(User requester, User colleague) {
		return Stream.concat(DemoCatalogue.REQUESTER_REPLIES.stream(), DemoCatalogue.INTERNAL_NOTES.stream())
			.map(text -> DemoCatalogue.written(text, requester, colleague))
			.toList();
	}

	/** The requester first, the IT team's technicians next, everyone else of the directory as others. */
	static Pseudonyms pseudonymsFor(String requester) {
		Pseudonyms.Builder builder = Pseudonyms.builder(FRENCH);
		List<String> logins = new ArrayList<>(USERS.keySet());
		org.guichet.presentation.anonymise.Person first = PEOPLE.get(logins.indexOf(requester));
		builder.person(withRole(first, org.guichet.presentation.anonymise.Person.Role.REQUESTER));
		for (int i = 0; i < PEOPLE.size(); i++) {
			if (PEOPLE.get(i) != first) {
				boolean technician = USERS.get(logins.get(i)).getRole() == Role.TECHNICIAN;
				builder.person(withRole(PEOPLE.get(i), technician ? org.guichet.presentation.anonymise.Person.Role.TECHNICIAN
						: org.guichet.presentation.anonymise.Person.Role.OTHER));
			}
		}
		return builder.build();
	}

	private static org.guichet.presentation.anonymise.Person withRole(org.guichet.presentation.anonymise.Person person,
			org.guichet.presentation.anonymise.Person.Role role) {
		return new org.guichet.presentation.anonymise.Person(person.id(), role, person.fullName(), person.firstName(),
				person.lastName(), person.login(), person.email(), person.phone());
	}

	@Test
	void noDemoUsersNameMentionEmailOrPhoneIsLeftInAnyDemoTicketText() {
		List<User> users = new ArrayList<>(USERS.values());
		IdentityScan scan = IdentityScan.of(PEOPLE);
		for (int i = 0; i < users.size(); i++) {
			// each demo user once as the requester, each once as the colleague named
			User requester = users.get(i);
			Pseudonyms pseudonyms = pseudonymsFor(requester.getUsername());
			List<String> texts = new ArrayList<>(personalTexts(requester, users.get((i + 1) % users.size())));
			if (i == 0) {
				texts.addAll(commonTexts());
			}
			for (String text : texts) {
				String anonymised = pseudonyms.text(text);
				assertThat(scan.leaks(anonymised)).as("%s → %s", text, anonymised).isEmpty();
			}
		}
	}

	@Test
	void theDemoTextsMentionColleaguesPhonesIpAddressesAndHostNames() {
		String all = String.join("\n", commonTexts()) + "\n"
				+ String.join("\n", personalTexts(USERS.get("alice"), USERS.get("cfaure")));
		assertThat(IdentityScan.of(PEOPLE).leaks(all)).as("names, mentions and phones written in the demo texts")
			.anyMatch(leak -> leak.startsWith("Chantal Faure"))
			.anyMatch(leak -> leak.contains("mention @khaddad"))
			.anyMatch(leak -> leak.startsWith("Alice Dupont: phone"));
		Pseudonyms pseudonyms = pseudonymsFor("alice");
		String anonymised = pseudonyms.text(all);
		assertThat(anonymised).contains("192.0.2.", "2001:db8::", "hote-", ".example.invalid", "téléphone de Demandeur A")
			.doesNotContain("10.12.0.54", "fd12:3456", "PC-COMPTA-12", "srv-dhcp01", "RT-VIL-01", "lyon.local");
	}

	@Test
	void whatIsLeftForTheAuthorToCheckIsListed() {
		Pseudonyms pseudonyms = pseudonymsFor("alice");
		commonTexts().forEach(pseudonyms::text);
		personalTexts(USERS.get("alice"), USERS.get("idurand")).forEach(pseudonyms::text);
		// "Mme Durand" is replaced (a demo user): nothing in the demo texts is left to check but this
		assertThat(pseudonyms.unrecognised()).extracting(Suspect::reason).doesNotContain(Suspect.Reason.AFTER_TITLE);
	}

}
