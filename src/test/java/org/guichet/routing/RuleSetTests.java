package org.guichet.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketRouter.Decision;
import org.guichet.tickets.TicketRouter.Demand;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Wednesday 2027-03-10, 10:00 in Paris. */
	private static final Instant WEDNESDAY_MORNING = at("2027-03-10T10:00");

	private static final Conditions ANY = Conditions.ANY;

	@Test
	void aRuleWithoutConditionsMatchesEveryDemand() {
		Decision decision = evaluate(demand(), rule("all", ANY, group(1)));

		assertThat(decision.rules()).containsExactly("all");
		assertThat(decision.groupId()).isEqualTo(1L);
	}

	@Test
	void noMatchingRuleDecidesNothing() {
		Decision decision = evaluate(demand(), rule("requests", when(TicketType.SERVICE_REQUEST), group(1)));

		assertThat(decision).isEqualTo(Decision.NONE);
	}

	@Test
	void matchesOnTicketType() {
		RuleDefinition incidents = rule("incidents", when(TicketType.INCIDENT), group(1));

		assertThat(evaluate(demand(), incidents).rules()).containsExactly("incidents");
		assertThat(evaluate(demand(TicketType.SERVICE_REQUEST), incidents).rules()).isEmpty();
	}

	@Test
	void aRuleOnACategoryAlsoCoversItsSubCategories() {
		RuleDefinition printers = rule("printers", new Conditions(null, 10L, null, null, null, null, List.of(), null,
				null, Set.of()), group(1));

		assertThat(set(printers).evaluate(demand(), List.of(11L, 10L)).rules()).containsExactly("printers");
		assertThat(set(printers).evaluate(demand(), List.of(10L)).rules()).containsExactly("printers");
		assertThat(set(printers).evaluate(demand(), List.of(12L, 13L)).rules()).isEmpty();
		assertThat(set(printers).evaluate(demand(), List.of()).rules()).isEmpty();
	}

	@Test
	void matchesOnChannel() {
		RuleDefinition phone = rule("phone", new Conditions(null, null, Channel.PHONE, null, null, null, List.of(), null,
				null, Set.of()), group(1));

		assertThat(evaluate(demand(Channel.PHONE, "x", null, null, false), phone).rules()).containsExactly("phone");
		assertThat(evaluate(demand(Channel.EMAIL, "x", null, null, false), phone).rules()).isEmpty();
	}

	@Test
	void matchesOnDepartmentAndLocationIgnoringCaseAndAccents() {
		RuleDefinition finance = rule("finance", new Conditions(null, null, null, "Comptabilité", "Lyon", null,
				List.of(), null, null, Set.of()), group(1));

		assertThat(evaluate(demand(Channel.PORTAL, "x", "COMPTABILITE", " lyon", false), finance).rules())
			.containsExactly("finance");
		assertThat(evaluate(demand(Channel.PORTAL, "x", "Comptabilité", "Paris", false), finance).rules()).isEmpty();
		assertThat(evaluate(demand(Channel.PORTAL, "x", null, "Lyon", false), finance).rules()).isEmpty();
	}

	@Test
	void matchesOnVip() {
		RuleDefinition vip = rule("vip", new Conditions(null, null, null, null, null, true, List.of(), null, null,
				Set.of()), technician(7));
		RuleDefinition notVip = rule("others", new Conditions(null, null, null, null, null, false, List.of(), null,
				null, Set.of()), technician(8));

		assertThat(set(vip, notVip).evaluate(demand(Channel.PORTAL, "x", null, null, true), List.of()).rules())
			.containsExactly("vip");
		assertThat(set(vip, notVip).evaluate(demand(Channel.PORTAL, "x", null, null, false), List.of()).rules())
			.containsExactly("others");
	}

	@Test
	void wordsMatchWholeWordsIgnoringCaseAndAccents() {
		RuleDefinition network = rule("network", words("VPN", "réseau", "mot de passe"), group(2));

		assertThat(evaluate(titled("Le vpn ne marche plus"), network).rules()).containsExactly("network");
		assertThat(evaluate(titled("Panne RESEAU au 2e étage"), network).rules()).containsExactly("network");
		assertThat(evaluate(titled("Mot-de-passe oublié"), network).rules()).containsExactly("network");
		assertThat(evaluate(titled("Installer OpenVPN2"), network).rules()).isEmpty();
		assertThat(evaluate(titled("Les réseaux sociaux"), network).rules()).isEmpty();
	}

	@Test
	void wordsAlsoMatchInTheDescription() {
		RuleDefinition network = rule("network", words("vpn"), group(2));
		Demand demand = new Demand(TicketType.INCIDENT, "Pas d’accès", "Depuis ce matin, le VPN coupe.", null,
				Channel.PORTAL, null, null, false, Urgency.MEDIUM, null, WEDNESDAY_MORNING);

		assertThat(evaluate(demand, network).rules()).containsExactly("network");
	}

	@Test
	void everyConditionOfARuleMustMatch() {
		RuleDefinition rule = rule("vpn incidents by phone", new Conditions(TicketType.INCIDENT, null, Channel.PHONE,
				null, null, null, List.of("vpn"), null, null, Set.of()), group(2));

		assertThat(evaluate(demand(Channel.PHONE, "VPN down", null, null, false), rule).rules()).hasSize(1);
		assertThat(evaluate(demand(Channel.PORTAL, "VPN down", null, null, false), rule).rules()).isEmpty();
		assertThat(evaluate(demand(Channel.PHONE, "Printer down", null, null, false), rule).rules()).isEmpty();
	}

	@Test
	void timeWindowIncludesItsStartAndExcludesItsEnd() {
		RuleDefinition office = rule("office", window("09:00", "17:00"), group(1));

		assertThat(evaluate(arrivingAt("2027-03-10T09:00"), office).rules()).hasSize(1);
		assertThat(evaluate(arrivingAt("2027-03-10T16:59"), office).rules()).hasSize(1);
		assertThat(evaluate(arrivingAt("2027-03-10T17:00"), office).rules()).isEmpty();
		assertThat(evaluate(arrivingAt("2027-03-10T08:59"), office).rules()).isEmpty();
	}

	@Test
	void timeWindowWrapsMidnightWhenItEndsBeforeItStarts() {
		RuleDefinition night = rule("night", window("20:00", "07:00"), group(3));

		assertThat(evaluate(arrivingAt("2027-03-10T23:30"), night).rules()).hasSize(1);
		assertThat(evaluate(arrivingAt("2027-03-10T00:00"), night).rules()).hasSize(1);
		assertThat(evaluate(arrivingAt("2027-03-10T06:59"), night).rules()).hasSize(1);
		assertThat(evaluate(arrivingAt("2027-03-10T07:00"), night).rules()).isEmpty();
		assertThat(evaluate(arrivingAt("2027-03-10T12:00"), night).rules()).isEmpty();
	}

	@Test
	void timeWindowIsReadInTheConfiguredZoneAcrossDaylightSaving() {
		RuleDefinition morning = rule("morning", window("08:00", "12:00"), group(1));

		// 07:30 UTC is 08:30 in Paris in winter and 09:30 in summer: inside both times.
		assertThat(set(morning).evaluate(at(Instant.parse("2027-01-15T07:30:00Z")), List.of()).rules()).hasSize(1);
		assertThat(set(morning).evaluate(at(Instant.parse("2027-07-15T07:30:00Z")), List.of()).rules()).hasSize(1);
		// 10:30 UTC is 12:30 in Paris in summer: outside.
		assertThat(set(morning).evaluate(at(Instant.parse("2027-07-15T10:30:00Z")), List.of()).rules()).isEmpty();
	}

	@Test
	void weekdaysLimitTheDaysARuleWorks() {
		RuleDefinition weekend = rule("weekend", new Conditions(null, null, null, null, null, null, List.of(), null,
				null, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), group(3));

		assertThat(evaluate(arrivingAt("2027-03-13T10:00"), weekend).rules()).hasSize(1);
		assertThat(evaluate(arrivingAt("2027-03-10T10:00"), weekend).rules()).isEmpty();
	}

	@Test
	void everyMatchingRuleAppliesAndALaterOneOverridesAnEarlierOnesField() {
		RuleDefinition first = rule("first", ANY, new Actions(1L, null, Urgency.HIGH, Impact.MEDIUM, List.of(5L), 20L));
		RuleDefinition second = rule("second", ANY, new Actions(2L, null, null, Impact.HIGH, List.of(6L), null));

		Decision decision = evaluate(demand(), first, second);

		assertThat(decision.rules()).containsExactly("first", "second");
		assertThat(decision.groupId()).isEqualTo(2L);
		assertThat(decision.urgency()).isEqualTo(Urgency.HIGH);
		assertThat(decision.impact()).isEqualTo(Impact.HIGH);
		assertThat(decision.observerIds()).containsExactly(5L, 6L);
		assertThat(decision.slaPolicyId()).isEqualTo(20L);
	}

	@Test
	void stopHereEndsTheEvaluationAtTheFirstMatchingRuleThatSaysSo() {
		RuleDefinition skipped = new RuleDefinition("not matching", true, true, when(TicketType.SERVICE_REQUEST),
				group(9));
		RuleDefinition stop = new RuleDefinition("stop", true, true, ANY, group(1));
		RuleDefinition after = rule("after", ANY, group(2));

		Decision decision = evaluate(demand(), skipped, stop, after);

		assertThat(decision.rules()).containsExactly("stop");
		assertThat(decision.groupId()).isEqualTo(1L);
	}

	@Test
	void inactiveRulesAreLeftOut() {
		RuleDefinition inactive = new RuleDefinition("inactive", false, true, ANY, group(1));

		assertThat(evaluate(demand(), inactive, rule("active", ANY, group(2))).rules()).containsExactly("active");
	}

	@Test
	void aLaterGroupDropsATechnicianChosenForAnEarlierGroup() {
		RuleDefinition vip = rule("vip", ANY, new Actions(1L, 7L, null, null, List.of(), null));
		RuleDefinition network = rule("network", ANY, group(2));
		RuleDefinition expert = rule("expert", ANY, technician(8));

		assertThat(evaluate(demand(), vip, network).technicianId()).isNull();
		assertThat(evaluate(demand(), vip, network, expert).technicianId()).isEqualTo(8L);
		assertThat(evaluate(demand(), vip, expert).groupId()).isEqualTo(1L);
	}

	private static Decision evaluate(Demand demand, RuleDefinition... rules) {
		return set(rules).evaluate(demand, List.of());
	}

	private static RuleSet set(RuleDefinition... rules) {
		return RuleSet.compile(List.of(rules), PARIS);
	}

	private static RuleDefinition rule(String name, Conditions conditions, Actions actions) {
		return new RuleDefinition(name, true, false, conditions, actions);
	}

	private static Conditions when(TicketType type) {
		return new Conditions(type, null, null, null, null, null, List.of(), null, null, Set.of());
	}

	private static Conditions words(String... words) {
		return new Conditions(null, null, null, null, null, null, List.of(words), null, null, Set.of());
	}

	private static Conditions window(String from, String to) {
		return new Conditions(null, null, null, null, null, null, List.of(), LocalTime.parse(from),
				LocalTime.parse(to), Set.of());
	}

	private static Actions group(long id) {
		return new Actions(id, null, null, null, List.of(), null);
	}

	private static Actions technician(long id) {
		return new Actions(null, id, null, null, List.of(), null);
	}

	private static Demand demand() {
		return demand(TicketType.INCIDENT);
	}

	private static Demand demand(TicketType type) {
		return new Demand(type, "Écran noir", "", null, Channel.PORTAL, null, null, false, Urgency.MEDIUM, null,
				WEDNESDAY_MORNING);
	}

	private static Demand titled(String title) {
		return demand(Channel.PORTAL, title, null, null, false);
	}

	private static Demand demand(Channel channel, String title, @Nullable String department,
			@Nullable String location, boolean vip) {
		return new Demand(TicketType.INCIDENT, title, "", null, channel, department, location, vip, Urgency.MEDIUM,
				null, WEDNESDAY_MORNING);
	}

	private static Demand arrivingAt(String localParisTime) {
		return at(at(localParisTime));
	}

	private static Demand at(Instant instant) {
		return new Demand(TicketType.INCIDENT, "x", "", null, Channel.PORTAL, null, null, false, Urgency.MEDIUM, null,
				instant);
	}

	private static Instant at(String localParisTime) {
		return LocalDateTime.parse(localParisTime).atZone(PARIS).toInstant();
	}

}
