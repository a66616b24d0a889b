package org.guichet.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day ({@code guichet.knowledge.review-reminders.cron}, 07:00 in the desk's time zone by
 * default), tells each owner in-app of their articles whose review date has passed
 * ({@code notification.article-review-due}, opening the article), once per review date: setting
 * a new date arms the reminder again.
 */
@Component
class ReviewReminders {

	private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

	private final ArticleRepository articles;

	private final Notifications notifications;

	private final Clock clock;

	private final ZoneId zone;

	ReviewReminders(ArticleRepository articles, Notifications notifications, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.articles = articles;
		this.notifications = notifications;
		this.clock = clock;
		this.zone = zone;
	}

	@Scheduled(cron = "${guichet.knowledge.review-reminders.cron:0 0 7 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
	@SchedulerLock(name = "review-reminders", lockAtLeastFor = "PT5M")
	void run() {
		int told = remindDue();
		if (told > 0) {
			log.info("Reminded the owners of {} articles past their review date", told);
		}
	}

	/** Tells the owners of the articles due for review today that were not told yet; gives how many articles. */
	@Transactional
	int remindDue() {
		LocalDate today = clock.instant().atZone(zone).toLocalDate();
		List<Article> due = articles.findReviewDue(today);
		for (Article article : due) {
			notifications.notifyInApp(NotificationEvent.ARTICLE_REVIEW_DUE, List.of(article.getOwnerId()),
					"/agent/knowledge/" + article.getId(), "notification.article-review-due", article.getTitle(),
					String.valueOf(article.getReviewOn()));
			article.remindedOfReview(article.getReviewOn());
		}
		return due.size();
	}

}
