package org.guichet.presentation.dossier;

import org.guichet.presentation.dossier.DossierRequest.Format;
import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dossier's parameters: defaults, and each refusal naming its parameter. */
class DossierRequestTests {

	@Test
	void attachmentsAreListedUnlessTheDossierIsAnonymised() {
		assertThat(DossierRequest.of(null, null, null, null, null, true))
			.isEqualTo(new DossierRequest(Format.PDF, false, false, true, null));
		assertThat(DossierRequest.of("html", "true", "true", null, "  ", true))
			.isEqualTo(new DossierRequest(Format.HTML, true, true, false, null));
		assertThat(DossierRequest.of("JSON", null, "true", "true", " ACME ", false))
			.isEqualTo(new DossierRequest(Format.JSON, false, true, true, "ACME"));
	}

	@Test
	void aValueThatDoesNotFitIsRefusedNamingItsParameter() {
		assertThatThrownBy(() -> DossierRequest.of("docx", null, null, null, null, true))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("format"));
		assertThatThrownBy(() -> DossierRequest.of("json", null, "false", null, null, true))
			.as("json lists what anonymisation left: only anonymised")
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("format"));
		assertThatThrownBy(() -> DossierRequest.of(null, null, null, "yes", null, true))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("attachments"));
		assertThatThrownBy(() -> DossierRequest.of(null, null, "true", null, "x".repeat(201), true))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("organisation"));
	}

}
