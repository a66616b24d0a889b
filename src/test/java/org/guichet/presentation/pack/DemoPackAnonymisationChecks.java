package org.guichet.presentation.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.demo.DemoDataIT;
import org.guichet.demo.DemoTellingTickets;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.UserRepository;
import org.guichet.presentation.anonymise.IdentityScan;
import org.guichet.presentation.dossier.TicketDossiers;
import org.guichet.presentation.examples.ExampleKind;
import org.guichet.presentation.examples.ExampleTickets;
import org.guichet.presentation.flowchart.Flowcharts;
import org.guichet.tickets.TicketId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymisation test of issue 10 for the presentation pack, on the demo data set, run by
 * {@link DemoDataIT} in its application ({@link DemoDataIT.PackAnonymisation}): a pack whose examples are demo tickets naming colleagues,
 * built anonymised, holds in every file of its ZIP and in its PDF's text none of the demo users'
 * names, logins, e-mail addresses or phone numbers; built plainly, it does name them.
 */
public abstract class DemoPackAnonymisationChecks {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserRepository users;

	@Autowired
	TicketDossiers dossiers;

	@Autowired
	ExampleTickets examples;

	@Autowired
	PresentationPack pack;

	@Test
	void anAnonymisedPackOfDemoExamplesNamesNoDemoUserInItsFilesOrItsPdf() throws IOException {
		CurrentUser manager = new CurrentUser(users.findByUsername("manager").orElseThrow());
		IdentityScan scan = DemoTellingTickets.everyUser(users);
		List<TicketId> telling = DemoTellingTickets.naming(3, jdbc, dossiers, manager, scan);
		assertThat(telling).hasSize(3);
		for (TicketId id : telling) {
			examples.mark(id, "Montre une escalade et un poste nommé", ExampleKind.COMPLEXITY, manager);
		}
		List<Long> ids = telling.stream().map(TicketId::value).toList();
		Flowcharts.Period period = new Flowcharts.Period(LocalDate.now().minusDays(60), LocalDate.now());

		PresentationPack.Drawn anonymised = pack.draw(new PackRequest(false, period, true, ids, Locale.FRENCH), manager);
		String files = zipText(anonymised);
		assertThat(files).contains("Demandeur A");
		assertThat(scan.leaks(files)).as("the ZIP's files").isEmpty();
		assertThat(scan.leaks(pdfText(anonymised.pdf()))).as("the PDF's text").isEmpty();

		PresentationPack.Drawn plain = pack.draw(new PackRequest(false, period, false, ids, Locale.FRENCH), manager);
		assertThat(scan.leaks(zipText(plain))).as("the scan finds what a plain pack holds").isNotEmpty();
	}

	/** Every file of the ZIP, its name first, as text. */
	private static String zipText(PresentationPack.Drawn drawn) throws IOException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		drawn.zip(zip);
		StringBuilder text = new StringBuilder();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				text.append(entry.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
					.append('\n');
			}
		}
		return text.toString();
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
