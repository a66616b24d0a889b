package org.guichet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleFilter;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.Deflections;
import org.guichet.knowledge.DiagnosisProcedures;
import org.guichet.knowledge.DiagnosisSteps;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's self-service: the VPN procedure and the newcomer's arrival procedure made their
 * categories' diagnosis procedures by the supervisor (the first step of the VPN one ticked on an
 * open VPN ticket), and forty suggestion sessions of requesters over the last thirty days — some
 * deflected, some followed by a request, some where nothing was opened — so that the deflection
 * rate is not empty; then the self-service resolutions ({@link DemoSelfServiceResolutions}).
 */
@Component
class DemoSelfService {

	private static final long SEED = 20261209L;

	private final Articles articles;

	private final DiagnosisProcedures diagnosis;

	private final TicketManagement tickets;

	private final Deflections deflections;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DemoSelfServiceResolutions resolutions;

	DemoSelfService(Articles articles, DiagnosisProcedures diagnosis, Deflections deflections, TicketManagement tickets,
			JdbcClient jdbc, Clock clock, DemoSelfServiceResolutions resolutions) {
		this.resolutions = resolutions;
		this.articles = articles;
		this.deflections = deflections;
		this.diagnosis = diagnosis;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void create(DemoOrganisation.Organisation organisation) {
		CurrentUser manager = new CurrentUser(organisation.person("manager"));
		for (String words : List.of("vpn", "arrivée")) {
			articles.list(new ArticleFilter(null, null, null, ArticleLanguage.FR, null, null, words, 0, 5), manager)
				.articles()
				.stream()
				.filter(a -> a.getKind() == org.guichet.knowledge.ArticleKind.PROCEDURE
						&& a.getStatus() == org.guichet.knowledge.ArticleStatus.PUBLISHED && a.getCategoryId() != null
						&& !DiagnosisSteps.of(a.getBody()).isEmpty())
				.findFirst()
				.ifPresent(procedure -> {
					diagnosis.attach(procedure.getId(), manager);
					tickOnOpenTicket(procedure.getCategoryId(), DiagnosisSteps.of(procedure.getBody()).get(0), organisation);
				});
		}
		sessions(organisation);
		resolutions.create(organisation);
	}

	private void tickOnOpenTicket(long categoryId, String step, DemoOrganisation.Organisation organisation) {
		CurrentUser tech = new CurrentUser(organisation.person("tech2"));
		jdbc.sql("select id from ticket where category_id = :category and status in ('ASSIGNED', 'IN_PROGRESS')"
				+ " order by id fetch first 20 rows only")
			.param("category", categoryId)
			.query(Long.class)
			.list()
			.stream()
			.map(TicketId::new)
			.filter(id -> tickets.findVisible(id, tech).filter(t -> tickets.mayWorkOn(t, tech)).isPresent())
			.findFirst()
			.ifPresent(id -> diagnosis.tick(id, step, true, tech));
	}

	/** Past sessions, recorded by the knowledge module: 40 % deflected, 25 % filed after an opening. */
	private void sessions(DemoOrganisation.Organisation organisation) {
		Random random = new Random(SEED);
		List<User> requesters = organisation.requesters();
		List<Long> published = articles
			.list(new ArticleFilter(ArticleStatus.PUBLISHED, null, ArticleAudience.PUBLIC, null, null, null, null, 0, 100),
					new CurrentUser(organisation.person("manager")))
			.articles()
			.stream()
			.map(Article::getId)
			.sorted()
			.toList();
		if (requesters.isEmpty() || published.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		for (int i = 0; i < 40; i++) {
			Instant started = now.minus(Duration.ofMinutes(60 + random.nextInt(30 * 24 * 60)));
			Instant shown = started.plusSeconds(5 + random.nextInt(60));
			int kind = random.nextInt(20);
			boolean opened = kind < 13;
			boolean filed = kind >= 8;
			Instant openedAt = opened ? shown.plusSeconds(10 + random.nextInt(60)) : null;
			Instant filedAt = filed ? (opened ? openedAt : shown).plusSeconds(120 + random.nextInt(600)) : null;
			long requester = requesters.get(random.nextInt(requesters.size())).getId();
			Long article = opened ? published.get(random.nextInt(published.size())) : null;
			deflections.recordPast(new Deflections.PastSession(requester, started, shown, article, openedAt, filedAt));
		}
	}

}
