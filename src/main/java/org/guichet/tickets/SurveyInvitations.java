package org.guichet.tickets;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Invites, every few minutes, the requesters whose satisfaction survey is due ({@link Surveys#inviteDue}),
 * in batches of their own transaction. A survey two nodes invite at once is refused to the second by
 * its version: that batch is rolled back and its surveys are invited at the next look.
 */
@Component
@ConditionalOnProperty(name = "guichet.tickets.survey.invitations.enabled", havingValue = "true",
		matchIfMissing = true)
class SurveyInvitations {

	private static final Logger log = LoggerFactory.getLogger(SurveyInvitations.class);

	private static final int BATCH = 200;

	private final Surveys surveys;

	SurveyInvitations(Surveys surveys) {
		this.surveys = surveys;
	}

	@Scheduled(initialDelayString = "${guichet.tickets.survey.invitations.initial-delay:PT1M}",
			fixedDelayString = "${guichet.tickets.survey.invitations.interval:PT5M}")
	@SchedulerLock(name = "survey-invitations")
	void invite() {
		int invited;
		int total = 0;
		do {
			invited = surveys.inviteDue(BATCH);
			total += invited;
		}
		while (invited == BATCH);
		if (total > 0) {
			log.info("Invited {} requesters to the satisfaction survey", total);
		}
	}

}
