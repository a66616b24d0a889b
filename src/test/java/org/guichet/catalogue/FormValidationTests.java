package org.guichet.catalogue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormValidationTests {

	private static final People DIRECTORY = id -> id == 7;

	private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 2);

	private static final List<FieldOption> MODELS = List.of(new FieldOption("standard", "Standard", "Standard"),
			new FieldOption("developer", "Développeur", "Developer"), new FieldOption("other", "Autre", "Other"));

	static FormField field(String key, FieldKind kind) {
		return new FormField(key, kind, "Libellé " + key, "Label " + key, null, null, false, null, null, null, null, null,
				null, kind.hasOptions() ? MODELS : List.of(), null);
	}

	private static List<String> check(FormField field, String... values) {
		return field.check(List.of(values), DIRECTORY);
	}

	private static String refusal(FormField field, @Nullable List<String> values) {
		try {
			field.check(values, DIRECTORY);
		}
		catch (InvalidInputException ex) {
			assertThat(ex.field()).isEqualTo("answers." + field.key());
			return ex.messageKey();
		}
		throw new AssertionError("accepted " + values);
	}

	@Test
	void aRequiredFieldOfEveryKindRefusesNoAnswerAndAnOptionalOneKeepsNothing() {
		for (FieldKind kind : FieldKind.values()) {
			FormField optional = field("f", kind);
			FormField required = new FormField("f", kind, "L", "L", null, null, true, null, null, null, null, null, null,
					optional.options(), null);
			String expected = switch (kind) {
				case CHOICE, YES_NO, USER -> "catalogue.answer.required-choice";
				case MULTIPLE_CHOICE -> "catalogue.answer.required-ticks";
				case ATTACHMENT -> "catalogue.answer.required-file";
				default -> "catalogue.answer.required";
			};
			assertThat(refusal(required, List.of("  "))).as(kind.name()).isEqualTo(expected);
			assertThat(refusal(required, null)).as(kind.name()).isEqualTo(expected);
			assertThat(optional.check(List.of(), DIRECTORY)).as(kind.name()).isEmpty();
		}
	}

	@Test
	void shortTextIsOneLineWithinItsLengthsAndPattern() {
		FormField serial = new FormField("serial", FieldKind.SHORT_TEXT, "N° de série", "Serial number", null, null,
				false, null, 4, 10, null, null, "[A-Z]{2}[0-9]+", List.of(), null);
		assertThat(check(field("name", FieldKind.SHORT_TEXT), "  Jean\n  Dupont ")).containsExactly("Jean Dupont");
		assertThat(check(serial, "AB1234")).containsExactly("AB1234");
		assertThat(refusal(serial, List.of("AB1"))).isEqualTo("catalogue.answer.too-short");
		assertThat(refusal(serial, List.of("AB123456789"))).isEqualTo("catalogue.answer.too-long");
		assertThat(refusal(serial, List.of("ab1234"))).isEqualTo("catalogue.answer.pattern");
		assertThat(refusal(field("name", FieldKind.SHORT_TEXT), List.of("x".repeat(201))))
			.isEqualTo("catalogue.answer.too-long");
		assertThat(refusal(field("name", FieldKind.SHORT_TEXT), List.of("a", "b"))).isEqualTo("catalogue.answer.one-value");
	}

	@Test
	void longTextKeepsItsLinesUpToFourThousandCharacters() {
		FormField why = field("why", FieldKind.LONG_TEXT);
		assertThat(check(why, "  first line\nsecond line  ")).containsExactly("first line\nsecond line");
		assertThat(check(why, "x".repeat(4000))).hasSize(1);
		assertThat(refusal(why, List.of("x".repeat(4001)))).isEqualTo("catalogue.answer.too-long");
	}

	@Test
	void numberIsWithinItsRangeAndKeptInOneSpelling() {
		FormField screens = new FormField("screens", FieldKind.NUMBER, "Écrans", "Screens", null, null, false, null,
				null, null, "1", "3", null, List.of(), null);
		assertThat(check(screens, "2.50")).containsExactly("2.5");
		assertThat(check(screens, "2,0")).containsExactly("2");
		assertThat(refusal(screens, List.of("0"))).isEqualTo("catalogue.answer.too-small");
		assertThat(refusal(screens, List.of("3.01"))).isEqualTo("catalogue.answer.too-large");
		assertThat(refusal(screens, List.of("two"))).isEqualTo("catalogue.answer.not-a-number");
		FormField dose = new FormField("dose", FieldKind.NUMBER, "Dose", "Dose", null, null, false, null, null, null, "0,5",
				"2,5", null, List.of(), null);
		assertThat(refusal(dose, List.of("0.4"))).as("bounds written with a decimal comma").isEqualTo("catalogue.answer.too-small");
		assertThat(check(dose, "2,5")).containsExactly("2.5");
		for (String notWritten : List.of("1e0", "2E0", "0x2", ".5", "2.", "1 000", "NaN", "Infinity")) {
			assertThat(refusal(screens, List.of(notWritten))).as(notWritten).isEqualTo("catalogue.answer.not-a-number");
		}
	}

	@Test
	void aWholeNumberRefusesAFractionAndItsRangeIsWholeNumbersToo() {
		FormField screens = new FormField("screens", FieldKind.WHOLE_NUMBER, "Écrans", "Screens", null, null, false, null,
				null, null, "1", "3", null, List.of(), null);
		assertThat(check(screens, "2")).containsExactly("2");
		assertThat(check(screens, "2.0")).containsExactly("2");
		assertThat(refusal(screens, List.of("2.5"))).isEqualTo("catalogue.answer.not-whole");
		assertThat(refusal(screens, List.of("2,5"))).isEqualTo("catalogue.answer.not-whole");
		assertThat(refusal(screens, List.of("abc"))).as("no fraction suggested for a whole number")
			.isEqualTo("catalogue.answer.not-whole");
		assertThat(refusal(screens, List.of("1e2"))).isEqualTo("catalogue.answer.not-whole");
		assertThatThrownBy(() -> new FormField("seats", FieldKind.WHOLE_NUMBER, "Postes", "Seats", null, null, false, null,
				null, null, "1", "12.5", null, List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.field()).isEqualTo("fields.seats.min");
				assertThat(ex.messageKey()).isEqualTo("catalogue.field.whole-range");
			});
		assertThat(refusal(new FormField("default", FieldKind.WHOLE_NUMBER, "Postes", "Seats", null, null, false, "1.5",
				null, null, null, null, null, List.of(), null), null)).isEqualTo("catalogue.answer.not-whole");
	}

	@Test
	void aDateBoundedByTodayRefusesTheDaysBeforeTheDayOfFiling() {
		FormField arrival = new FormField("arrival", FieldKind.DATE, "Arrivée", "Arrival", null, null, true, null,
				null, null, "today", "today+90", null, List.of(), null);
		assertThat(arrival.check(List.of("2026-12-02"), DIRECTORY, TODAY, Map.of())).containsExactly("2026-12-02");
		assertThatThrownBy(() -> arrival.check(List.of("2026-12-01"), DIRECTORY, TODAY, Map.of()))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("catalogue.answer.too-early");
				assertThat(new MessageFormat("{0,date,long}", Locale.FRENCH).format(ex.arguments()))
					.isEqualTo("2 décembre 2026");
			});
		assertThatThrownBy(() -> arrival.check(List.of("2027-03-03"), DIRECTORY, TODAY, Map.of()))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(
					new MessageFormat("{0,date,long}", Locale.ENGLISH).format(ex.arguments())).isEqualTo("March 2, 2027"));
		assertThatThrownBy(() -> new FormField("leave", FieldKind.DATE, "Départ", "Leaving", null, null, false, null,
				null, null, "tomorrow", null, null, List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("catalogue.field.date-range"));
	}

	@Test
	void anEndBoundedByAnEarlierStartFieldRefusesADayBeforeItAndTheBoundMustNameAnEarlierDateField() {
		FormField start = new FormField("start", FieldKind.DATE, "Début", "Start", null, null, true, null, null, null,
				"today", null, null, List.of(), null);
		FormField end = new FormField("end", FieldKind.DATE, "Fin", "End", null, null, true, null, null, null, "{start}",
				null, null, List.of(), null);
		FormDefinition form = new FormDefinition(List.of(start, end));

		assertThat(form.fill(Map.of("start", List.of("2026-12-10"), "end", List.of("2026-12-10")), DIRECTORY, TODAY))
			.containsEntry("end", List.of("2026-12-10"));
		assertThatThrownBy(() -> form.fill(Map.of("start", List.of("2026-12-10"), "end", List.of("2026-12-09")),
				DIRECTORY, TODAY))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(fields(ex)).containsExactly("answers.end");
				assertThat(new MessageFormat("{0,date,long}", Locale.FRENCH).format(ex.arguments()))
					.isEqualTo("10 décembre 2026");
			});
		assertThatThrownBy(() -> new FormDefinition(List.of(end, start)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(fields(ex)).containsExactly("fields.end.min");
				assertThat(ex.messageKey()).isEqualTo("catalogue.field.date-field");
			});
	}

	@Test
	void dateIsAnIsoDayWithinItsRange() {
		FormField arrival = new FormField("arrival", FieldKind.DATE, "Arrivée", "Arrival", null, null, false, null,
				null, null, "2026-01-01", "2026-12-31", null, List.of(), null);
		assertThat(check(arrival, "2026-12-24")).containsExactly("2026-12-24");
		assertThat(refusal(arrival, List.of("24/12/2026"))).isEqualTo("catalogue.answer.not-a-date");
		assertThat(refusal(arrival, List.of("2025-12-31"))).isEqualTo("catalogue.answer.too-early");
		assertThat(refusal(arrival, List.of("2027-01-01"))).isEqualTo("catalogue.answer.too-late");
	}

	@Test
	void choiceIsOneOfItsOptions() {
		FormField model = field("model", FieldKind.CHOICE);
		assertThat(check(model, "developer")).containsExactly("developer");
		assertThat(refusal(model, List.of("Developer"))).isEqualTo("catalogue.answer.not-an-option");
		assertThat(refusal(model, List.of("standard", "other"))).isEqualTo("catalogue.answer.one-value");
	}

	@Test
	void multipleChoiceTicksEachOptionOnceWithinItsCount() {
		FormField software = new FormField("software", FieldKind.MULTIPLE_CHOICE, "Logiciels", "Software", null, null,
				false, null, null, null, "1", "2", null, MODELS, null);
		assertThat(check(software, "other", "standard", "other")).containsExactly("other", "standard");
		assertThat(refusal(software, List.of("standard", "developer", "other"))).isEqualTo("catalogue.answer.too-many");
		assertThat(refusal(software, List.of("standard", "nope"))).isEqualTo("catalogue.answer.not-an-option");
		FormField atLeastTwo = new FormField("software", FieldKind.MULTIPLE_CHOICE, "L", "L", null, null, false, null,
				null, null, "2", null, null, MODELS, null);
		assertThat(refusal(atLeastTwo, List.of("standard"))).isEqualTo("catalogue.answer.too-few");
	}

	@Test
	void yesNoIsKeptAsYesOrNoWhateverTheSpelling() {
		FormField vpn = field("vpn", FieldKind.YES_NO);
		assertThat(Stream.of("yes", "TRUE", "oui").map(v -> check(vpn, v).get(0))).containsOnly("yes");
		assertThat(Stream.of("no", "false", "Non").map(v -> check(vpn, v).get(0))).containsOnly("no");
		assertThat(refusal(vpn, List.of("maybe"))).isEqualTo("catalogue.answer.yes-no");
	}

	@Test
	void userIsAnActivePersonOfTheDirectory() {
		FormField manager = field("manager", FieldKind.USER);
		assertThat(check(manager, "7")).containsExactly("7");
		assertThat(refusal(manager, List.of("8"))).isEqualTo("catalogue.answer.unknown-user");
		assertThat(refusal(manager, List.of("alice"))).isEqualTo("catalogue.answer.unknown-user");
	}

	@Test
	void attachmentIsAFileName() {
		FormField quote = field("quote", FieldKind.ATTACHMENT);
		assertThat(check(quote, "devis.pdf")).containsExactly("devis.pdf");
		assertThat(refusal(quote, List.of("a".repeat(256)))).isEqualTo("catalogue.answer.too-long");
	}

	@Test
	void aDefaultIsTheAnswerWhenNoneIsSentButNotWhenTheFieldIsCleared() {
		FormField screens = new FormField("screens", FieldKind.NUMBER, "Écrans", "Screens", null, null, true, "1", null,
				null, null, null, null, List.of(), null);
		assertThat(screens.check(null, DIRECTORY)).containsExactly("1");
		assertThat(refusal(screens, List.of(""))).isEqualTo("catalogue.answer.required");
		FormField software = new FormField("software", FieldKind.MULTIPLE_CHOICE, "L", "L", null, null, false,
				"standard, other", null, null, null, null, null, MODELS, null);
		assertThat(software.check(null, DIRECTORY)).containsExactly("standard", "other");
	}

	@Test
	void aConditionalFieldIsCheckedOnlyWhenShownAndItsAnswerDroppedWhenHidden() {
		FormField model = field("model", FieldKind.CHOICE);
		FormField other = new FormField("other-model", FieldKind.SHORT_TEXT, "Lequel ?", "Which one?", null, null, true,
				null, null, null, null, null, null, List.of(), new FieldCondition("model", "other"));
		FormField vpn = field("vpn", FieldKind.YES_NO);
		FormField token = new FormField("token", FieldKind.CHOICE, "Jeton", "Token", null, null, true, null, null, null,
				null, null, null, MODELS, new FieldCondition("vpn", "yes"));
		FormDefinition form = new FormDefinition(List.of(model, other, vpn, token));

		assertThat(form.fill(Map.of("model", List.of("standard"), "other-model", List.of("ignored")), DIRECTORY, TODAY))
			.containsOnlyKeys("model");
		assertThatThrownBy(() -> form.fill(Map.of("model", List.of("other"), "vpn", List.of("yes")), DIRECTORY, TODAY))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(fields(ex))
				.containsExactly("answers.other-model", "answers.token"));
		assertThat(form.fill(Map.of("model", List.of("other"), "other-model", List.of("ThinkPad X1"), "vpn",
				List.of("oui"), "token", List.of("standard")), DIRECTORY, TODAY))
			.containsExactly(Map.entry("model", List.of("other")), Map.entry("other-model", List.of("ThinkPad X1")),
					Map.entry("vpn", List.of("yes")), Map.entry("token", List.of("standard")));
	}

	@Test
	void aFieldHiddenBehindAHiddenFieldIsHiddenToo() {
		FormField vpn = field("vpn", FieldKind.YES_NO);
		FormField model = new FormField("model", FieldKind.CHOICE, "L", "L", null, null, false, "other", null, null,
				null, null, null, MODELS, new FieldCondition("vpn", "yes"));
		FormField other = new FormField("other-model", FieldKind.SHORT_TEXT, "L", "L", null, null, true, null, null,
				null, null, null, null, List.of(), new FieldCondition("model", "other"));
		FormDefinition form = new FormDefinition(List.of(vpn, model, other));
		assertThat(form.fill(Map.of("vpn", List.of("no")), DIRECTORY, TODAY)).containsOnlyKeys("vpn");
	}

	@Test
	void everyWrongAnswerIsNamedAtOnceAndAnAnswerToNoFieldIsRefused() {
		FormDefinition form = new FormDefinition(List.of(field("screens", FieldKind.NUMBER), field("day", FieldKind.DATE)));
		assertThatThrownBy(() -> form.fill(Map.of("screens", List.of("x"), "day", List.of("y"), "colour",
				List.of("red")), DIRECTORY, TODAY))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(fields(ex))
				.containsExactly("answers.colour", "answers.screens", "answers.day"));
	}

	@Test
	void aDefinitionIsRefusedWithEveryPropertyThatDoesNotHold() {
		assertThatThrownBy(() -> new FormField("Bad key", FieldKind.SHORT_TEXT, "L", "L", null, null, false, null, null,
				null, null, null, null, List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("fields.key"));
		assertThatThrownBy(() -> new FormField("f", FieldKind.NUMBER, " ", "L", null, null, false, null, 2, null, "5",
				"1", "(", List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(fields(ex))
				.containsExactly("fields.f.labelFr", "fields.f.maxLength", "fields.f.min", "fields.f.pattern"));
		assertThatThrownBy(() -> new FormField("f", FieldKind.CHOICE, "L", "L", null, null, false, null, null, null, null,
				null, null, List.of(new FieldOption("a", "A", "A"), new FieldOption("a", "B", "B")), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("catalogue.field.option-twice"));
		assertThatThrownBy(() -> new FormField("f", FieldKind.CHOICE, "L", "L", null, null, false, null, null, null, null,
				null, null, List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("catalogue.field.options-required"));
	}

	@Test
	void aLabelOrAnOptionOnSeveralLinesIsRefusedAndAHelpKeepsItsLines() {
		assertThatThrownBy(() -> new FormField("f", FieldKind.SHORT_TEXT, "Libellé\r\n", "Label\tx", "Aide\nsur deux lignes",
				null, false, null, null, null, null, null, null, List.of(), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(fields(ex)).containsExactly("fields.f.labelFr", "fields.f.labelEn");
				assertThat(ex.messageKey()).isEqualTo("field.one-line");
			});
		assertThatThrownBy(() -> new FormField("f", FieldKind.CHOICE, "L", "L", null, null, false, null, null, null, null,
				null, null, List.of(new FieldOption("a", "A\rB", "A")), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("catalogue.field.option"));
	}

	@Test
	void aFormRefusesTwinKeysConditionsOnLaterOrUntestableFieldsAndBadDefaults() {
		FormField later = new FormField("a", FieldKind.SHORT_TEXT, "L", "L", null, null, false, null, null, null, null,
				null, null, List.of(), new FieldCondition("vpn", "yes"));
		FormField onText = new FormField("b", FieldKind.SHORT_TEXT, "L", "L", null, null, false, null, null, null, null,
				null, null, List.of(), new FieldCondition("name", "x"));
		FormField impossible = new FormField("c", FieldKind.SHORT_TEXT, "L", "L", null, null, false, null, null, null,
				null, null, null, List.of(), new FieldCondition("vpn", "maybe"));
		FormField badDefault = new FormField("d", FieldKind.NUMBER, "L", "L", null, null, false, "many", null, null,
				null, null, null, List.of(), null);
		List<FormField> fields = new ArrayList<>(List.of(field("name", FieldKind.SHORT_TEXT), later, onText,
				field("vpn", FieldKind.YES_NO), impossible, badDefault, field("name", FieldKind.NUMBER)));
		assertThatThrownBy(() -> new FormDefinition(fields))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(fields(ex)).containsExactly(
					"fields.a.shownWhen", "fields.b.shownWhen", "fields.c.shownWhen", "fields.d.defaultValue",
					"fields.name.key"));
	}

	@Test
	void labelsAndOptionsAreGivenInTheReadersLanguage() {
		FormField model = field("model", FieldKind.CHOICE);
		assertThat(model.label(Locale.FRENCH)).isEqualTo("Libellé model");
		assertThat(model.label(Locale.ENGLISH)).isEqualTo("Label model");
		assertThat(model.option("developer").label(true)).isEqualTo("Développeur");
	}

	private static List<String> fields(InvalidInputException ex) {
		return Stream.concat(Stream.of(ex), ex.others().stream()).map(InvalidInputException::field).toList();
	}

}
