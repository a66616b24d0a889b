package org.guichet.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status workflow of an article and who may do what with it ({@link ArticlePolicy}). */
class ArticleRulesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final CurrentUser owner = person(1, Role.TECHNICIAN);

	private final CurrentUser colleague = person(2, Role.TECHNICIAN);

	private final CurrentUser supervisor = person(3, Role.SUPERVISOR);

	private final CurrentUser admin = person(4, Role.ADMINISTRATOR);

	private final CurrentUser requester = person(5, Role.REQUESTER);

	@Test
	void everyStatusIsReachedOnlyByTheActionsTheWorkflowAllows() {
		for (ArticleStatus from : ArticleStatus.values()) {
			for (ArticleAction action : ArticleAction.values()) {
				Article article = article(ArticleAudience.PUBLIC);
				ReflectionTestUtils.setField(article, "status", from);
				boolean allowed = switch (action) {
					case SUBMIT -> from == ArticleStatus.DRAFT;
					case PUBLISH -> from == ArticleStatus.DRAFT || from == ArticleStatus.IN_REVIEW;
					case ARCHIVE -> from != ArticleStatus.ARCHIVED;
					case REDRAFT -> from != ArticleStatus.DRAFT;
				};
				if (allowed) {
					article.apply(action, NOW);
					assertThat(article.getStatus()).as("%s from %s", action, from).isEqualTo(action.target());
				}
				else {
					assertThatThrownBy(() -> article.apply(action, NOW)).as("%s from %s", action, from)
						.isInstanceOf(ConflictException.class)
						.hasFieldOrPropertyWithValue("messageKey", "knowledge.illegal-action");
					assertThat(article.getStatus()).isEqualTo(from);
				}
			}
		}
	}

	@Test
	void publishingRecordsWhenAndAnArchivedArticleIsNotChangedUntilRedrafted() {
		Article article = article(ArticleAudience.INTERNAL);
		article.apply(ArticleAction.PUBLISH, NOW);
		assertThat(article.getPublishedAt()).isEqualTo(NOW);
		article.apply(ArticleAction.ARCHIVE, NOW);
		assertThatThrownBy(() -> article.change(content("New"), NOW)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "knowledge.archived");
		article.apply(ArticleAction.REDRAFT, NOW);
		article.change(content("New"), NOW);
		assertThat(article.getTitle()).isEqualTo("New");
	}

	@Test
	void theTeamReadsEveryArticleAndOthersOnlyPublishedPublicOnes() {
		for (ArticleAudience audience : ArticleAudience.values()) {
			for (ArticleStatus status : ArticleStatus.values()) {
				Article article = article(audience);
				ReflectionTestUtils.setField(article, "status", status);
				assertThat(ArticlePolicy.canRead(article, colleague)).isTrue();
				assertThat(ArticlePolicy.canRead(article, requester)).as("%s %s", audience, status)
					.isEqualTo(audience == ArticleAudience.PUBLIC && status == ArticleStatus.PUBLISHED);
			}
		}
	}

	@Test
	void anyAgentSubmitsButOnlyTheOwnerASupervisorOrAnAdministratorDecides() {
		Article article = article(ArticleAudience.PUBLIC);
		Set<ArticleAction> decisions = EnumSet.of(ArticleAction.PUBLISH, ArticleAction.ARCHIVE, ArticleAction.REDRAFT);
		for (ArticleAction action : ArticleAction.values()) {
			assertThat(ArticlePolicy.canTake(action, article, owner)).isTrue();
			assertThat(ArticlePolicy.canTake(action, article, supervisor)).isTrue();
			assertThat(ArticlePolicy.canTake(action, article, admin)).isTrue();
			assertThat(ArticlePolicy.canTake(action, article, colleague)).as(action.name())
				.isEqualTo(!decisions.contains(action));
			assertThat(ArticlePolicy.canTake(action, article, requester)).isFalse();
		}
		assertThat(ArticlePolicy.canWrite(colleague)).isTrue();
		assertThat(ArticlePolicy.canWrite(requester)).isFalse();
	}

	@Test
	void onlyADraftIsDeletedAndOnlyByWhoeverDecides() {
		Article article = article(ArticleAudience.INTERNAL);
		assertThat(ArticlePolicy.canDelete(article, owner)).isTrue();
		assertThat(ArticlePolicy.canDelete(article, colleague)).isFalse();
		assertThat(ArticlePolicy.canDelete(article, supervisor)).isTrue();
		article.apply(ArticleAction.PUBLISH, NOW);
		assertThat(ArticlePolicy.canDelete(article, owner)).isFalse();
	}

	@Test
	void aReviewDateIsDueTheDayAfterItAndNeverForAnArchivedArticle() {
		Article article = new Article(new ArticleContent("T", "B", ArticleKind.FAQ, ArticleAudience.PUBLIC, null, List.of(),
				LocalDate.of(2026, 12, 1)), ArticleLanguage.FR, user(1), NOW);
		assertThat(article.isReviewDue(LocalDate.of(2026, 12, 1))).isFalse();
		assertThat(article.isReviewDue(LocalDate.of(2026, 12, 2))).isTrue();
		article.apply(ArticleAction.ARCHIVE, NOW);
		assertThat(article.isReviewDue(LocalDate.of(2026, 12, 2))).isFalse();
	}

	@Test
	void contentRefusesEveryFieldAtOnceAndCleansTags() {
		assertThatThrownBy(() -> ArticleContent.of(" ", null, null, ArticleAudience.PUBLIC, null, "a", null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.field()).isEqualTo("title");
				assertThat(ex.others()).extracting(InvalidInputException::field).containsExactly("body", "kind");
			});
		ArticleContent content = ArticleContent.of(" T ", "B", ArticleKind.FAQ, ArticleAudience.PUBLIC, null,
				" Printer, , printer ,Wi-Fi", null);
		assertThat(content.title()).isEqualTo("T");
		assertThat(content.tags()).containsExactly("printer", "wi-fi");
		assertThatThrownBy(() -> ArticleContent.of("T", "B", ArticleKind.FAQ, ArticleAudience.PUBLIC, null,
				"x".repeat(41), null)).hasFieldOrPropertyWithValue("field", "tags");
	}

	@Test
	void feedbackIsPoorFromThreeAnswersWhenFewerThanHalfSayYes() {
		assertThat(new FeedbackSummary(0, 2).isPoor()).as("two answers are no verdict").isFalse();
		assertThat(new FeedbackSummary(1, 2).isPoor()).isTrue();
		assertThat(new FeedbackSummary(2, 2).isPoor()).as("half is not fewer than half").isFalse();
		assertThat(new FeedbackSummary(3, 1).helpfulPercent()).isEqualTo(75);
	}

	private static Article article(ArticleAudience audience) {
		return new Article(new ArticleContent("Title", "Body", ArticleKind.SOLUTION, audience, null, List.of(), null),
				ArticleLanguage.EN, user(1), NOW);
	}

	private static ArticleContent content(String title) {
		return new ArticleContent(title, "Body", ArticleKind.SOLUTION, ArticleAudience.PUBLIC, null, List.of(), null);
	}

	private static User user(long id) {
		User user = new User("u" + id, "x", "User " + id, Role.TECHNICIAN, NOW);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	private static CurrentUser person(long id, Role role) {
		return new CurrentUser(id, "u" + id, "User " + id, role, "en", "x", true);
	}

}
