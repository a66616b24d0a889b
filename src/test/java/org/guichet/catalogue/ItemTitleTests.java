package org.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;

class ItemTitleTests {

	private static CatalogueItem item(String template) {
		return new CatalogueItem(new CatalogueSection("Accès", "Access", 0), new ItemDescription("Accès VPN", "VPN access",
				null, null, "shield-lock", TicketType.SERVICE_REQUEST, null, null, template, List.of()), 0);
	}

	private static String title(String template, Map<String, String> answers) {
		return item(template).title(key -> answers.getOrDefault(key, ""), Locale.FRENCH);
	}

	@Test
	void anOptionalPartIsLeftOutWhenItsAnswerIsMissing() {
		assertThat(title("Accès VPN[ jusqu’au {until}]", Map.of())).isEqualTo("Accès VPN");
		assertThat(title("Accès VPN[ jusqu’au {until}]", Map.of("until", "1 mars 2027")))
			.isEqualTo("Accès VPN jusqu’au 1 mars 2027");
	}

	@Test
	void anOptionalPartNeedsEveryAnswerItNames() {
		String template = "Poste {model}[ du {from} au {to}] pour {site}";
		assertThat(title(template, Map.of("model", "portable", "from", "lundi", "site", "Lyon")))
			.isEqualTo("Poste portable pour Lyon");
		assertThat(title(template, Map.of("model", "portable", "from", "lundi", "to", "mardi", "site", "Lyon")))
			.isEqualTo("Poste portable du lundi au mardi pour Lyon");
	}

	@Test
	void aMissingAnswerOutsideOptionalPartsLeavesNothingAndTheLabelStandsForAnEmptyTitle() {
		assertThat(title("Nouveau poste : {model}  {other}", Map.of("model", "standard"))).isEqualTo("Nouveau poste : standard");
		assertThat(title("[{model}]", Map.of())).isEqualTo("Accès VPN");
	}

	@Test
	void anAnswerOnSeveralLinesMakesATitleOnOneLine() {
		assertThat(title("Accès VPN : {why}", Map.of("why", "Télétravail\r\n\tle lundi\u0085")))
			.isEqualTo("Accès VPN : Télétravail le lundi");
	}

	@Test
	void aLabelATitleTemplateOrATaskOnSeveralLinesIsRefusedOnItsField() {
		assertThatThrownBy(() -> new CatalogueItem(new CatalogueSection("Accès", "Access", 0),
				new ItemDescription("Accès\nVPN", "VPN\taccess", null, null, "shield-lock", TicketType.SERVICE_REQUEST,
						null, null, "Accès VPN\r\n", List.of("Créer\tle compte")), 0))
			.isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(
					Stream.concat(Stream.of(refused), refused.others().stream())
						.map(r -> r.field() + " " + r.messageKey()))
				.containsExactlyInAnyOrder("labelFr field.one-line", "labelEn field.one-line",
						"titleTemplate field.one-line", "tasks field.one-line"));
		assertThatThrownBy(() -> new CatalogueSection("Accès\n", "Access", 0))
			.hasFieldOrPropertyWithValue("messageKey", "field.one-line");
	}

	@Test
	void answersAreTakenAsWrittenEvenWithBracketsOrDollars() {
		assertThat(title("Droits sur {path}", Map.of("path", "\\\\fichiers\\$compta [archive]")))
			.isEqualTo("Droits sur \\\\fichiers\\$compta [archive]");
	}

	@Test
	void bracketsThatDoNotPairAreRefused() {
		for (String template : List.of("Accès VPN[ jusqu’au {until}", "Accès VPN] jusqu’au {until}",
				"Accès [VPN [jusqu’au {until}]]")) {
			assertThatThrownBy(() -> item(template)).as(template)
				.isInstanceOfSatisfying(InvalidInputException.class,
						refused -> assertThat(refused.messageKey()).isEqualTo("catalogue.item.title-brackets"));
		}
	}

}
