package org.guichet.assist;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TriageClassifierTests {

	/** A small desk's tickets, French and English, in three categories. */
	static final List<LabelledText> DESK = List.of(
			new LabelledText("Printer jammed on the second floor", "printing"),
			new LabelledText("The printer prints blank pages", "printing"),
			new LabelledText("Toner empty in the printer room", "printing"),
			new LabelledText("L'imprimante est bloquée, bourrage papier", "printing"),
			new LabelledText("Imprimante hors ligne au 3e étage", "printing"),
			new LabelledText("Plus de toner dans l’imprimante", "printing"),
			new LabelledText("Forgot my password, account locked", "access"),
			new LabelledText("Password expired, cannot log in", "access"),
			new LabelledText("Please reset my account password", "access"),
			new LabelledText("Mot de passe oublié, compte verrouillé", "access"),
			new LabelledText("Mon mot de passe a expiré", "access"),
			new LabelledText("Réinitialiser le mot de passe de mon compte", "access"),
			new LabelledText("VPN keeps disconnecting from home", "network"),
			new LabelledText("No wifi signal in the meeting room", "network"),
			new LabelledText("Network cable unplugged, no connection", "network"),
			new LabelledText("Le VPN se déconnecte sans cesse", "network"),
			new LabelledText("Pas de wifi dans la salle de réunion", "network"),
			new LabelledText("Connexion réseau perdue, câble débranché", "network"));

	private static final TriageClassifier.Settings SMALL = new TriageClassifier.Settings(2, 3, 5, 1, 10);

	private final TriageModel model = TriageClassifier.train(DESK, SMALL);

	@Test
	void learnsTheLabelsOfItsTrainingTexts() {
		assertThat(model.labels()).containsExactlyInAnyOrder("printing", "access", "network");
	}

	@Test
	void ranksTheRightLabelFirstForNewTextsInEitherLanguage() {
		assertThat(model.rank("the printer on floor two is jammed again").get(0).label()).isEqualTo("printing");
		assertThat(model.rank("IMPRIMANTE bloquee").get(0).label()).isEqualTo("printing");
		assertThat(model.rank("my password expired").get(0).label()).isEqualTo("access");
		assertThat(model.rank("Compte verrouillé après trois essais du mot de passe").get(0).label()).isEqualTo("access");
		assertThat(model.rank("le wifi ne marche plus").get(0).label()).isEqualTo("network");
	}

	@Test
	void ranksEveryLabelWithConfidencesAddingUpToOneBestFirst() {
		List<LabelScore> ranking = model.rank("vpn disconnecting");

		assertThat(ranking).extracting(LabelScore::label).containsExactlyInAnyOrder("printing", "access", "network");
		assertThat(ranking.stream().mapToDouble(LabelScore::confidence).sum()).isCloseTo(1, within(1e-9));
		assertThat(ranking).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
	}

	@Test
	void suggestsTheBestLabelOnlyWhenItsConfidenceReachesTheThreshold() {
		double confidence = model.rank("printer jammed, no toner").get(0).confidence();

		assertThat(model.suggest("printer jammed, no toner", confidence)).map(LabelScore::label).contains("printing");
		assertThat(model.suggest("printer jammed, no toner", Math.nextUp(confidence))).isEmpty();
	}

	@Test
	void isLessSureOfATextMixingTwoCategoriesThanOfAPlainOne() {
		double plain = model.rank("printer jammed").get(0).confidence();
		double mixed = model.rank("printer password").get(0).confidence();

		assertThat(mixed).isLessThan(plain);
		assertThat(model.suggest("printer password", (mixed + plain) / 2)).isEmpty();
		assertThat(model.suggest("printer jammed", (mixed + plain) / 2)).isPresent();
	}

	@Test
	void abstainsOnATextWithNoWordItLearnt() {
		assertThat(model.rank("zzz qqq")).isEmpty();
		assertThat(model.suggest("", 0)).isEmpty();
	}

	@Test
	void refusesAThresholdOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> model.suggest("printer", 1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> model.suggest("printer", -0.1));
	}

	@Test
	void refusesToTrainOnASingleLabelOrOnTextsWithNoTermFrequentEnough() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TriageClassifier.train(DESK.subList(0, 6), SMALL))
			.withMessageContaining("two labels");
		List<LabelledText> unique = new ArrayList<>(List.of(new LabelledText("alpha", "a"), new LabelledText("beta", "b")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TriageClassifier.train(unique, new TriageClassifier.Settings(1, 0, 0, 2, 1)))
			.withMessageContaining("No training text");
	}

	@Test
	void ranksTheSameOnceWrittenAndReadBack() {
		TriageModel read = TriageModelFormat.read(TriageModelFormat.write(model));

		assertThat(read.labels()).isEqualTo(model.labels());
		for (LabelledText example : DESK) {
			assertThat(read.rank(example.text())).usingRecursiveFieldByFieldElementComparator()
				.isEqualTo(model.rank(example.text()));
		}
	}

	@Test
	void refusesBytesThatAreNotATriageModel() {
		assertThatIllegalArgumentException().isThrownBy(() -> TriageModelFormat.read(new byte[] { 1, 2, 3 }))
			.withMessageContaining("Unreadable");
	}

	@Test
	void refusesSettingsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TriageClassifier.Settings(2, 2, 5, 2, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new TriageClassifier.Settings(0, 2, 0, 2, 1));
	}

	@Test
	void balancedLabelsGiveARareLabelMoreWeightThanItsShareOfTheTexts() {
		List<LabelledText> texts = new java.util.ArrayList<>();
		for (int i = 0; i < 18; i++) {
			texts.add(new LabelledText("printer broken again " + (i % 3), "hardware"));
		}
		texts.add(new LabelledText("printer toner order", "purchase"));
		texts.add(new LabelledText("printer toner order please", "purchase"));
		TriageClassifier.Settings plain = new TriageClassifier.Settings(1, 3, 0, 1, 10, false);
		TriageClassifier.Settings balanced = new TriageClassifier.Settings(1, 3, 0, 1, 10, true);

		double rarePlain = confidence(TriageClassifier.train(texts, plain), "printer", "purchase");
		double rareBalanced = confidence(TriageClassifier.train(texts, balanced), "printer", "purchase");

		assertThat(rareBalanced).isGreaterThan(rarePlain + 0.05);
	}

	private static double confidence(TriageModel model, String text, String label) {
		return model.rank(text).stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow().confidence();
	}

}
