package org.guichet.knowledge;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;

/**
 * Who may do what with an article, for the pages, the API and the search alike:
 * <ul>
 * <li>read: the IT team reads every article, drafts of colleagues included (a draft is shared
 * work, and the search shows it to them); anyone else only published public articles — any
 * other is "not found" for them, never "forbidden";</li>
 * <li>write (create, change the text, attach files, translate): any member of the IT team;</li>
 * <li>submit for review: any member of the IT team;</li>
 * <li>publish, archive, send back to draft, delete a draft: the article's owner, or a supervisor
 * or an administrator;</li>
 * <li>give feedback: anyone who reads it once it is published, but its owner (their own text
 * is no reader's answer).</li>
 * </ul>
 */
public final class ArticlePolicy {

	private ArticlePolicy() {
	}

	/** Whether the reader may open the article (else it does not exist for them). */
	public static boolean canRead(Article article, CurrentUser reader) {
		return reader.isAgent() || article.isPublicNow();
	}

	/** Whether the reader may write articles and change their text and files. */
	public static boolean canWrite(CurrentUser reader) {
		return reader.isAgent();
	}

	/** Whether the person may take that action on the article (whatever its status). */
	public static boolean canTake(ArticleAction action, Article article, CurrentUser by) {
		if (!by.isAgent()) {
			return false;
		}
		return action == ArticleAction.SUBMIT || decides(article, by);
	}

	/** Whether the person may delete the article: a draft, by whoever may publish it. */
	public static boolean canDelete(Article article, CurrentUser by) {
		return by.isAgent() && article.getStatus() == ArticleStatus.DRAFT && decides(article, by);
	}

	/** Whether the reader is asked "Was this helpful?": a published article they read and do not own. */
	public static boolean canGiveFeedback(Article article, CurrentUser reader) {
		return canRead(article, reader) && article.getStatus() == ArticleStatus.PUBLISHED && reader.id() != article.getOwnerId();
	}

	/** Whether the reader sees its readers' comments and counts: the IT team does. */
	public static boolean seesFeedback(CurrentUser reader) {
		return reader.isAgent();
	}

	private static boolean decides(Article article, CurrentUser by) {
		return by.id() == article.getOwnerId() || by.has(Role.SUPERVISOR);
	}

}
