package org.guichet.presentation.anonymise;

import java.util.List;

import org.guichet.presentation.anonymise.Person.Role;
import org.guichet.presentation.anonymise.Suspect.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymsTests {

	static final Words FRENCH = new Words("Demandeur {0}", "Technicien {0}", "Personne {0}", "téléphone de {0}",
			"téléphone n° {0}", "hote-{0}");

	static final Words ENGLISH = new Words("Requester {0}", "Technician {0}", "Person {0}", "{0}’s phone",
			"phone no. {0}", "host-{0}");

	static final Person ALICE = new Person(1, Role.REQUESTER, "Alice Dupont", null, null, "alice",
			"alice.dupont@demo.guichet.example", "+33 4 72 11 22 33");

	static final Person JULIEN = new Person(2, Role.TECHNICIAN, "Julien Martin", null, null, "tech1",
			"julien.martin@demo.guichet.example", "+33 4 72 44 55 66");

	static final Person NADIA = new Person(3, Role.TECHNICIAN, "Nadia Benali", null, null, "tech2", null, null);

	static final Person THOMAS = new Person(4, Role.OTHER, "Thomas Petit", null, null, "tpetit", null, null);

	static final Person ELODIE = new Person(5, Role.OTHER, "Élodie Chevalier", null, null, "echevalier",
			"elodie.chevalier@demo.guichet.example", null);

	static final Person MARC = new Person(6, Role.OTHER, "Marc Fontaine", null, null, "mfontaine", null, null);

	static final Person BOB = new Person(7, Role.REQUESTER, "Bob Wilson", null, null, "bob", null, "+33 6 12 34 56 78");

	static final Person JEAN_PIERRE = new Person(8, Role.OTHER, "Jean-Pierre de La Fontaine", "Jean-Pierre",
			"de La Fontaine", "jpdelafontaine", null, null);

	static Pseudonyms french() {
		return Pseudonyms.builder(FRENCH).people(List.of(ALICE, JULIEN, NADIA, THOMAS, ELODIE, MARC, BOB, JEAN_PIERRE))
			.build();
	}

	@Test
	void requestersGetLettersAndTechniciansNumbersInTheOrderGiven() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.person(1)).isEqualTo("Demandeur A");
		assertThat(pseudonyms.person(7)).isEqualTo("Demandeur B");
		assertThat(pseudonyms.person(2)).isEqualTo("Technicien 1");
		assertThat(pseudonyms.person(3)).isEqualTo("Technicien 2");
		assertThat(pseudonyms.email(1)).isEqualTo("demandeur-a@example.invalid");
	}

	@Test
	void othersAreLetteredWhenFirstMetAndKeepTheirPseudonym() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Vu avec Marc.")).isEqualTo("Vu avec Personne A.");
		assertThat(pseudonyms.person(4)).isEqualTo("Personne B");
		assertThat(pseudonyms.text("Marc et Thomas Petit")).isEqualTo("Personne A et Personne B");
	}

	@Test
	void englishWordsNameTheSamePeopleInEnglish() {
		Pseudonyms pseudonyms = Pseudonyms.builder(ENGLISH).people(List.of(ALICE, JULIEN)).build();
		assertThat(pseudonyms.text("Alice's laptop, see Julien")).isEqualTo("Requester A's laptop, see Technician 1");
		assertThat(pseudonyms.text("call 04 72 11 22 33")).isEqualTo("call Requester A’s phone");
	}

	@Test
	void anUnknownIdIsRefused() {
		assertThatThrownBy(() -> french().person(99)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("99");
		assertThatThrownBy(() -> Pseudonyms.builder(FRENCH).person(ALICE).person(ALICE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void fullFirstAndLastNamesAreReplacedInAnyCaseAndWithoutAccents() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Alice Dupont, ALICE DUPONT, alice dupont, Dupont Alice, A. Dupont"))
			.isEqualTo("Demandeur A, Demandeur A, Demandeur A, Demandeur A, Demandeur A");
		assertThat(pseudonyms.text("Élodie, elodie, ELODIE, Elodie Chevalier, CHEVALIER"))
			.isEqualTo("Personne A, Personne A, Personne A, Personne A, Personne A");
		assertThat(pseudonyms.text("Merci Nadia ; Benali est en congés.")).isEqualTo("Merci Technicien 2 ; Technicien 2 est en congés.");
	}

	@Test
	void aNameTypedWithCombiningAccentsIsReplacedWithItsAccents() {
		assertThat(french().text("E\u0301lodie est la\u0300")).isEqualTo("Personne A est la\u0300");
	}

	@Test
	void namesAreWholeWordsNeverPartsOfOtherWords() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Le marché de Marc, Marcel et Dupontel ; Alicette"))
			.isEqualTo("Le marché de Personne A, Marcel et Dupontel ; Alicette");
	}

	@Test
	void theLongestNameWinsOverItsParts() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Jean-Pierre de La Fontaine et Marc Fontaine"))
			.isEqualTo("Personne A et Personne B");
		assertThat(pseudonyms.text("Jean-Pierre, puis Fontaine")).startsWith("Personne A, puis ");
	}

	@Test
	void aLastNameThatIsACommonWordIsReplacedCapitalisedAndKeptAndListedInLowerCase() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Petit a vu un petit souci à la fontaine avec Alice"))
			.isEqualTo("Personne A a vu un petit souci à la fontaine avec Demandeur A");
		assertThat(pseudonyms.unrecognised()).extracting(Suspect::text, Suspect::reason)
			.contains(org.assertj.core.groups.Tuple.tuple("petit", Reason.COMMON_WORD),
					org.assertj.core.groups.Tuple.tuple("fontaine", Reason.COMMON_WORD));
		assertThat(pseudonyms.unrecognised()).allSatisfy(suspect -> assertThat(suspect.excerpt()).doesNotContain("Alice", "Petit"));
	}

	@Test
	void frenchElisionBeforeANameIsUndone() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Le poste d'Alice, D’Alice, qu’Alice, l'Alice"))
			.isEqualTo("Le poste de Demandeur A, De Demandeur A, que Demandeur A, l'Demandeur A");
		assertThat(Pseudonyms.builder(ENGLISH).person(ALICE).build().text("Alice's and Alices"))
			.isEqualTo("Requester A's and Alices");
	}

	@Test
	void mentionsBecomeThePseudonymAndUnknownOnesAnotherPerson() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("@tech2 peux-tu voir avec @jdupont ? Cc @tech2, @jdupont."))
			.isEqualTo("Technicien 2 peux-tu voir avec Personne A ? Cc Technicien 2, Personne A.");
	}

	@Test
	void knownEmailsBecomeThePseudonymsAddressAndUnknownOnesAConsistentPlaceholder() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("De ALICE.Dupont@demo.guichet.example à x.y@fournisseur.fr, puis x.y@fournisseur.fr et z@a.com"))
			.isEqualTo("De demandeur-a@example.invalid à contact-1@example.invalid, puis contact-1@example.invalid et contact-2@example.invalid");
	}

	@Test
	void markdownLinksKeepTheirSyntax() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Écrire à [Alice Dupont](mailto:alice.dupont@demo.guichet.example) ou <mailto:alice.dupont@demo.guichet.example>"))
			.isEqualTo("Écrire à [Demandeur A](mailto:demandeur-a@example.invalid) ou <mailto:demandeur-a@example.invalid>");
		assertThat(pseudonyms.text("[fiche de Julien](https://intranet.corp.local/annuaire/julien-martin?tel=0472445566)"))
			.isEqualTo("[fiche de Technicien 1](https://hote-1.example.invalid/annuaire/technicien-1?tel=telephone-de-technicien-1)");
		assertThat(pseudonyms.text("[appeler Bob](tel:+33612345678)"))
			.isEqualTo("[appeler Demandeur B](tel:telephone-de-demandeur-b)");
	}

	@Test
	void phonesInFrenchAndInternationalFormatsAreReplacedKnownOnesByTheirOwner() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("04 72 11 22 33 / 04.72.11.22.33 / 04-72-11-22-33 / 0472112233 / +33 4 72 11 22 33 / +33 (0)4 72 11 22 33 / 0033472112233"))
			.isEqualTo(String.join(" / ", java.util.Collections.nCopies(7, "téléphone de Demandeur A")));
		assertThat(pseudonyms.text("06 12 34 56 78, +44 20 7946 0958, +1 (555) 123-4567, +44 20 7946 0958"))
			.isEqualTo("téléphone de Demandeur B, téléphone n° 1, téléphone n° 2, téléphone n° 1");
	}

	@Test
	void numbersThatAreNotPhonesStay() {
		Pseudonyms pseudonyms = french();
		String text = "Erreur 504 le 12.03.2024 à 10:30:45, version 10.0.19045.1234, bureau 214, poste 4242";
		assertThat(pseudonyms.text(text)).isEqualTo(text);
	}

	@Test
	void ipv4AddressesBecomeDocumentationAddressesConsistently() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("Ping 10.12.0.54 puis 192.168.1.20/24 et 10.12.0.54 ; masque 255.255.255.0, 127.0.0.1"))
			.isEqualTo("Ping 192.0.2.1 puis 192.0.2.2/24 et 192.0.2.1 ; masque 255.255.255.0, 127.0.0.1");
	}

	@Test
	void ipv6AndMacAddressesAreReplaced() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("fe80::1c2b:3aff:fe4d:5e6f, 2a01:cb00:8b1:4200:1c2b:3aff:fe4d:5e6f, ::ffff:10.0.0.1, ::1"))
			.isEqualTo("2001:db8::1, 2001:db8::2, 2001:db8::3, ::1");
		assertThat(pseudonyms.text("MAC 3C-52-82-1A-2B-4C et 3c:52:82:1a:2b:4c")).isEqualTo("MAC 00:00:5e:00:53:01 et 00:00:5e:00:53:01");
		assertThat(Detectors.isIpv6("1:2:3:4:5:6:7:8")).isTrue();
		assertThat(Detectors.isIpv6("1:2:3")).isFalse();
		assertThat(Detectors.isIpv6("1::2::3")).isFalse();
	}

	@Test
	void hostNamesAreReplacedWithTheirFormKept() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.text("PC-COMPTA-12 ne joint plus srv-mail01.corp.local ni srv-mail01, ni SRV-FICHIERS, ni \\\\SRVAD01\\partage, ni intranet.local"))
			.isEqualTo("hote-1 ne joint plus hote-2.example.invalid ni hote-2, ni hote-3, ni \\\\hote-4\\partage, ni hote-5.example.invalid");
	}

	@Test
	void wordsThatOnlyLookLikeHostsStay() {
		String text = "Wi-Fi, N2, VPN, USB-C, RJ-45, COVID-19, ISO-9001, rapport.pdf, archive.tar.gz, Node.js, ASP.NET, e.g. 1.2.3";
		assertThat(french().text(text)).isEqualTo(text);
	}

	@Test
	void theOrganisationsNameIsReplacedWhenGiven() {
		Pseudonyms pseudonyms = Pseudonyms.builder(FRENCH).person(ALICE).organisation("Métallerie Rhône", "l’organisation").build();
		assertThat(pseudonyms.text("Chez METALLERIE RHONE, Alice")).isEqualTo("Chez l’organisation, Demandeur A");
	}

	@Test
	void fileNamesKeepTheirExtensionAndGetSingleWords() {
		Pseudonyms pseudonyms = french();
		assertThat(pseudonyms.fileName("capture alice dupont.png")).isEqualTo("capture demandeur-a.png");
		assertThat(pseudonyms.fileName("PC-COMPTA-12.log")).isEqualTo("hote-1.log");
		assertThat(pseudonyms.fileName("export_Julien_Martin_10.0.0.1.tar")).isEqualTo("export_technicien-1_192.0.2.1.tar");
	}

	@Test
	void namesAfterATitleOrAReplacedFirstNameAreListed() {
		Pseudonyms pseudonyms = french();
		String text = pseudonyms.text("Mme Lefort et Dr House ont vu Alice Lambert. M. Dupont aussi, et Mme Sarah Lopez.");
		assertThat(text).isEqualTo("Mme Lefort et Dr House ont vu Demandeur A Lambert. M. Demandeur A aussi, et Mme Sarah Lopez.");
		assertThat(pseudonyms.unrecognised()).extracting(Suspect::text, Suspect::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Lefort", Reason.AFTER_TITLE),
					org.assertj.core.groups.Tuple.tuple("House", Reason.AFTER_TITLE),
					org.assertj.core.groups.Tuple.tuple("Sarah Lopez", Reason.AFTER_TITLE),
					org.assertj.core.groups.Tuple.tuple("Lambert", Reason.AFTER_FIRST_NAME));
		assertThat(pseudonyms.unrecognised().get(3).excerpt()).contains("Demandeur A Lambert").doesNotContain("Alice");
	}

	@Test
	void longNumbersNotRecognisedAsPhonesAreListed() {
		Pseudonyms pseudonyms = french();
		pseudonyms.text("Matricule 123456789012, appelez le 04 72 11 22 33");
		assertThat(pseudonyms.unrecognised()).extracting(Suspect::text).containsExactly("123456789012");
	}

	@Test
	void lettersAloneOrANumberAloneAreNoName() {
		Person one = new Person(9, Role.OTHER, "A B", null, null, null, null, null);
		Person numbered = new Person(10, Role.OTHER, "tester 12", null, null, null, null, null);
		assertThat(Pseudonyms.builder(FRENCH).person(one).person(numbered).build().text("a b c, A. B, bureau 12, tester 12"))
			.isEqualTo("a b c, A. B, bureau 12, Personne A");
	}

	@Test
	void letterMarksGoOnAfterZ() {
		assertThat(Pseudonyms.letters(0)).isEqualTo("A");
		assertThat(Pseudonyms.letters(25)).isEqualTo("Z");
		assertThat(Pseudonyms.letters(26)).isEqualTo("AA");
		assertThat(Pseudonyms.letters(27)).isEqualTo("AB");
	}

}
