package org.guichet.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.presentation.anonymise.IdentityScan;
import org.guichet.presentation.anonymise.Person;
import org.guichet.presentation.dossier.TicketDossier;
import org.guichet.presentation.dossier.TicketDossiers;
import org.guichet.tickets.TicketId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the anonymisation tests read in the demo data set: every demo user's identity to scan for,
 * and the demo tickets whose texts name colleagues and hold IP addresses.
 */
public final class DemoTellingTickets {

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.])");

	private DemoTellingTickets() {
	}

	/** A scan for every user's full, first and last names, login, e-mail address and phone number. */
	public static IdentityScan everyUser(UserRepository users) {
		List<Person> people = new ArrayList<>();
		for (User user : users.findAll()) {
			people.add(new Person(user.getId(), Person.Role.OTHER, user.getFullName(), null, null, user.getUsername(),
					user.getEmail(), user.getPhone()));
		}
		return IdentityScan.of(people);
	}

	/**
	 * The latest {@code count} tickets whose description, timeline or solution (internal notes
	 * included) names someone {@code scan} knows and holds an IPv4 address, newest first.
	 */
	public static List<TicketId> naming(int count, JdbcTemplate jdbc, TicketDossiers dossiers, CurrentUser reader,
			IdentityScan scan) {
		List<TicketId> telling = new ArrayList<>();
		for (Long id : jdbc.queryForList("select id from ticket order by id desc", Long.class)) {
			TicketDossier plain = dossiers.of(new TicketId(id), true, reader);
			StringBuilder texts = new StringBuilder(plain.summary().description());
			plain.timeline().forEach(entry -> texts.append('\n').append(entry.body()));
			if (plain.solution() != null) {
				texts.append('\n').append(plain.solution().text());
			}
			if (!scan.leaks(texts.toString()).isEmpty() && IPV4.matcher(texts).find()) {
				telling.add(new TicketId(id));
				if (telling.size() == count) {
					break;
				}
			}
		}
		return telling;
	}

}
