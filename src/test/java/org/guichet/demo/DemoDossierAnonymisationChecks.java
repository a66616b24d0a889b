package org.guichet.demo;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.UserRepository;
import org.guichet.presentation.anonymise.IdentityScan;
import org.guichet.presentation.dossier.AnonymisedDossiers;
import org.guichet.presentation.dossier.DossierDocument;
import org.guichet.presentation.dossier.TicketDossier;
import org.guichet.presentation.dossier.TicketDossiers;
import org.guichet.tickets.TicketId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymisation test of issue 10 on the demo data set, run by {@link DemoDataIT} in its application
 * ({@link DemoDataIT.DossierAnonymisation}): the anonymised dossiers of demo tickets whose texts name
 * colleagues and hold IP addresses and host names, one by one and together as a pack asks them,
 * hold in their HTML and their PDF's text none of the demo users' full, first or last names,
 * mentions, e-mail addresses or phone numbers.
 */
public abstract class DemoDossierAnonymisationChecks {

	private static final int TICKETS = 5;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserRepository users;

	@Autowired
	TicketDossiers dossiers;

	@Autowired
	AnonymisedDossiers anonymised;

	@Autowired
	DossierDocument document;

	private CurrentUser manager;

	private IdentityScan scan;

	private List<TicketId> telling;

	@BeforeEach
	void demoTicketsWhoseTextsNameColleaguesAndMachines() {
		manager = new CurrentUser(users.findByUsername("manager").orElseThrow());
		scan = DemoTellingTickets.everyUser(users);
		telling = DemoTellingTickets.naming(TICKETS, jdbc, dossiers, manager, scan);
		assertThat(telling).as("demo tickets naming people in their texts, with IP addresses").hasSize(TICKETS);
	}

	@Test
	void noDemoUsersNameEmailOrPhoneIsLeftInAnAnonymisedDossiersHtmlOrPdf() throws IOException {
		for (TicketId id : telling) {
			TicketDossier dossier = anonymised.of(List.of(id), true, true, null, manager, Locale.FRENCH).dossiers().get(0);
			String html = document.html(dossier, Locale.FRENCH, manager);
			assertThat(scan.leaks(html)).as("HTML of %s", id).isEmpty();
			assertThat(html).as("the ticket's IP addresses replaced").contains("192.0.2.");
			assertThat(scan.leaks(pdfText(document.pdf(dossier, Locale.FRENCH, manager)))).as("PDF of %s", id).isEmpty();
		}
	}

	@Test
	void noneIsLeftInTheDossiersOfAPackAnonymisedTogether() {
		AnonymisedDossiers.Batch pack = anonymised.of(telling, true, true, null, manager, Locale.ENGLISH);

		assertThat(pack.dossiers()).hasSize(TICKETS);
		for (TicketDossier dossier : pack.dossiers()) {
			assertThat(scan.leaks(document.html(dossier, Locale.ENGLISH, manager)))
				.as("HTML of %s", dossier.summary().number()).isEmpty();
		}
		assertThat(pack.dossiers().get(0).summary().requester().name()).isEqualTo("Requester A");
	}

	@Test
	void theSameDossiersNotAnonymisedNameThem() {
		TicketDossier plain = dossiers.of(telling.get(0), true, manager);

		assertThat(scan.leaks(document.html(plain, Locale.FRENCH, manager))).as("the scan finds what is there")
			.isNotEmpty();
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
