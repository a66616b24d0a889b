package org.guichet.assist;

import java.util.List;
import java.util.Set;

import org.guichet.assist.SelfServiceMatching.Candidate;
import org.guichet.assist.SelfServiceMatching.Offer;
import org.guichet.assist.SelfServiceMatching.TicketState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The self-service rule: which article is offered to a ticket's requester, by the confidence of
 * the titles (the search's French and English analysis), the administrator's threshold and
 * categories, the article's audience and language, and the ticket's state.
 */
class SelfServiceMatchingTests {

	private static final long ACCOUNTS = 10;

	private static final long PASSWORDS = 11;

	private static final Set<Long> ALLOWED = Set.of(ACCOUNTS);

	@Test
	void theConfidenceIsTheShareOfTheTicketTitlesTermsFoundInTheArticlesTitleAsTheSearchReadsThem() {
		assertThat(SelfServiceMatching.confidence("Mot de passe oublié", "Réinitialiser un mot de passe oublié"))
			.isEqualTo(1.0);
		assertThat(SelfServiceMatching.confidence("Forgot my passwords", "Reset a forgotten password"))
			.as("plurals and accents meet, 'my' is a common word").isCloseTo(0.5, within(1e-9));
		assertThat(SelfServiceMatching.confidence("Printer jammed on floor 2", "Printer driver install"))
			.isCloseTo(0.25, within(1e-9));
		assertThat(SelfServiceMatching.confidence("Imprimantes", "Imprimante : installer le pilote"))
			.as("a title of one term says too little").isZero();
	}

	@Test
	void theFirstArticleInTheSearchsOrderThatReachesTheThresholdIsOffered() {
		TicketState ticket = ticket("Reset my VPN password", List.of(PASSWORDS, ACCOUNTS));
		List<Candidate> found = List.of(candidate(1, "VPN: connect from home"), candidate(2, "Reset your VPN password"),
				candidate(3, "VPN password reset, step by step"));

		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket, found)).contains(new Offer(2, "Reset your VPN password", 1.0));
		assertThat(SelfServiceMatching.offer(0.3, ALLOWED, ticket, found)).as("lower, the search's best comes first")
			.map(Offer::articleId).contains(1L);
	}

	@Test
	void nothingIsOfferedBelowTheThreshold() {
		TicketState ticket = ticket("Reset my VPN password at home", List.of(ACCOUNTS));
		List<Candidate> found = List.of(candidate(1, "Reset your VPN password"));

		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket, found)).as("3 terms of 4").isEmpty();
		assertThat(SelfServiceMatching.offer(0.75, ALLOWED, ticket, found)).isPresent();
	}

	@Test
	void onlyInTheCategoriesAllowedOrUnderThemAndNeverWhenNoneIs() {
		List<Candidate> found = List.of(candidate(1, "Reset your VPN password"));

		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket("VPN password reset", List.of(PASSWORDS, ACCOUNTS)), found))
			.as("a sub-category of an allowed one").isPresent();
		assertThat(SelfServiceMatching.offer(0.8, Set.of(PASSWORDS), ticket("VPN password reset", List.of(ACCOUNTS)), found))
			.as("the parent of an allowed category").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, Set.of(), ticket("VPN password reset", List.of(ACCOUNTS)), found))
			.as("off: no category chosen").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket("VPN password reset", List.of()), found))
			.as("a ticket without category").isEmpty();
	}

	@Test
	void anArticleNotPublicToRequestersOrInAnotherLanguageIsNeverOffered() {
		TicketState ticket = ticket("VPN password reset", List.of(ACCOUNTS));

		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket,
				List.of(new Candidate(1, "Reset your VPN password", false, true)))).as("internal or unpublished").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket,
				List.of(new Candidate(1, "Reset your VPN password", true, false)))).as("in the other language").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, ticket,
				List.of(new Candidate(1, "Reset your VPN password", true, false), candidate(2, "VPN password: reset it"))))
			.map(Offer::articleId).contains(2L);
	}

	@Test
	void notOfferedOnceTakenHeldForApprovalFiledByAnAgentOrAMajorIncident() {
		List<Candidate> found = List.of(candidate(1, "Reset your VPN password"));
		String title = "VPN password reset";
		List<Long> lineage = List.of(ACCOUNTS);

		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, new TicketState(title, lineage, false, false, true, false), found))
			.as("taken, resolved or cancelled").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, new TicketState(title, lineage, true, true, true, false), found))
			.as("held for approval").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, new TicketState(title, lineage, true, false, false, false), found))
			.as("registered by an agent for the requester").isEmpty();
		assertThat(SelfServiceMatching.offer(0.8, ALLOWED, new TicketState(title, lineage, true, false, true, true), found))
			.as("a major incident").isEmpty();
	}

	private static TicketState ticket(String title, List<Long> lineage) {
		return new TicketState(title, lineage, true, false, true, false);
	}

	private static Candidate candidate(long id, String title) {
		return new Candidate(id, title, true, true);
	}

}
