package org.guichet.mail.ingest;

import java.util.List;
import java.util.OptionalLong;

import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailSubjectsTests {

	@Test
	void theTitleDropsThePrefixesOfAnswersAndForwardsInEveryLanguageAndOurReference() {
		assertThat(MailSubjects.title("Re: Printer")).isEqualTo("Printer");
		assertThat(MailSubjects.title("RE : TR: Fwd:  Imprimante   du 2e")).isEqualTo("Imprimante du 2e");
		assertThat(MailSubjects.title("AW: WG: Drucker")).isEqualTo("Drucker");
		assertThat(MailSubjects.title("Re[2]: [#1042] Badge")).isEqualTo("Badge");
		assertThat(MailSubjects.title("Réf. : budget")).isEqualTo("Réf. : budget");
		assertThat(MailSubjects.title("Return of the printer")).isEqualTo("Return of the printer");
		assertThat(MailSubjects.title("Re: ")).isEmpty();
		assertThat(MailSubjects.title("x".repeat(300))).hasSize(200).endsWith("…");
	}

	@Test
	void aFoldedSubjectMakesATitleOnOneLine() {
		assertThat(MailSubjects.title("Re: Imprimante\r\n\tdu 2e\u0000 bloquée\t")).isEqualTo("Imprimante du 2e bloquée");
	}

	@Test
	void theReferenceIsTheFirstTicketNumberInBracketsAnywhereInTheSubject() {
		assertThat(MailSubjects.reference("RE: [#1042] Imprimante")).isEqualTo(OptionalLong.of(1042));
		assertThat(MailSubjects.reference("About #1042 and [1043]")).isEmpty();
		assertThat(MailSubjects.reference("Fwd: x [#7] [#8]")).isEqualTo(OptionalLong.of(7));
		assertThat(MailSubjects.reference("[#99999999999999999999]")).isEmpty();
	}

	@Test
	void blockListsMatchAddressesWholeAndDomainsWithTheirSubDomainsUnlessAllowed() {
		MailboxPolicy policy = new MailboxPolicy(1, "support@desk.example", 1, TicketType.INCIDENT, null,
				UnknownSenders.REFUSE, List.of("Boss@Spam.example"), List.of("spam.example", "@junk.example", "eve@ok.example"), 1);

		assertThat(SenderRules.blockedBy("a@spam.example", policy)).contains("spam.example");
		assertThat(SenderRules.blockedBy("a@mx.spam.example", policy)).contains("spam.example");
		assertThat(SenderRules.blockedBy("a@notspam.example", policy)).isEmpty();
		assertThat(SenderRules.blockedBy("a@junk.example", policy)).contains("@junk.example");
		assertThat(SenderRules.blockedBy("eve@ok.example", policy)).contains("eve@ok.example");
		assertThat(SenderRules.blockedBy("adam@ok.example", policy)).isEmpty();
		assertThat(SenderRules.blockedBy("boss@spam.example", policy)).as("allowed").isEmpty();
	}

}
