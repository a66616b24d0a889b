package org.guichet.knowledge.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.Deflections;
import org.guichet.knowledge.PortalShelf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The knowledge report for supervisors and administrators ({@code /agent/knowledge/report}): the
 * deflection rate of the last 7, 30 or 90 days ending today in {@code guichet.time-zone}
 * (docs/KNOWLEDGE.md "Deflection"), the articles that deflected most, and the most useful
 * articles on the portal.
 */
@Controller
class KnowledgeReportController {

	static final List<Integer> PERIODS = List.of(7, 30, 90);

	private static final int TOP = 10;

	private final Deflections deflections;

	private final Articles articles;

	private final PortalShelf shelf;

	private final Clock clock;

	private final ZoneId zone;

	KnowledgeReportController(Deflections deflections, Articles articles, PortalShelf shelf, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.deflections = deflections;
		this.articles = articles;
		this.shelf = shelf;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/agent/knowledge/report")
	@PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
	String report(@RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal CurrentUser me, Locale locale,
			Model model) {
		int chosen = PERIODS.contains(days) ? days : 30;
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate first = today.minusDays(chosen - 1L);
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
		model.addAttribute("days", chosen);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("first", first);
		model.addAttribute("today", today);
		model.addAttribute("figures", deflections.figures(from, to));
		model.addAttribute("windowMinutes", deflections.window().toMinutes());
		List<Deflector> deflectors = new ArrayList<>();
		for (Map.Entry<Long, Long> entry : deflections.deflectionsByArticle(from, to, TOP).entrySet()) {
			articles.find(entry.getKey(), me)
				.ifPresent(article -> deflectors.add(new Deflector(article.getId(), article.getTitle(), entry.getValue())));
		}
		model.addAttribute("deflectors", deflectors);
		model.addAttribute("mostUseful", shelf.mostUseful(null, locale, TOP));
		return "knowledge/report";
	}

	/** An article and how many sessions it deflected. */
	record Deflector(long id, String title, long deflections) {
	}

}
