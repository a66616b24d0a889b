package org.guichet.knowledge;

import java.time.Clock;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.UserRepository;
import org.guichet.system.ForbiddenException;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.Attachment;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files attached to articles, under the tickets' rules ({@link Attachment}: name, size up to
 * 10 MB, which types a browser shows inline): whoever reads the article reads its files; the IT
 * team attaches them. An image is shown in the text by its path ({@link ArticleAttachment#getPath()}).
 */
@Service
@Transactional
public class ArticleFiles {

	private final Articles articles;

	private final ArticleAttachmentRepository attachments;

	private final ArticleFileStore store;

	private final UserRepository users;

	private final Clock clock;

	ArticleFiles(Articles articles, ArticleAttachmentRepository attachments, ArticleFileStore store,
			UserRepository users, Clock clock) {
		this.articles = articles;
		this.attachments = attachments;
		this.store = store;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Attaches a file to the article.
	 * @throws org.guichet.system.InvalidInputException ({@code file}) when it has no name, is empty or too large
	 * @throws org.guichet.system.ConflictException ({@code knowledge.archived}) when the article is archived
	 */
	public ArticleAttachment attach(long articleId, @Nullable String fileName, @Nullable String contentType,
			byte[] content, CurrentUser by) {
		Article article = articles.get(articleId, by);
		if (!ArticlePolicy.canWrite(by)) {
			throw new ForbiddenException("knowledge.write-forbidden", "Only the IT team writes articles");
		}
		article.checkChangeable();
		String name = Attachment.safeFileName(fileName);
		Attachment.checkSize(content.length);
		ArticleAttachment attachment = attachments.saveAndFlush(new ArticleAttachment(articleId,
				users.getReferenceById(by.id()), name, Attachment.normalisedType(contentType), content.length,
				clock.instant()));
		store.store(attachment.getId(), content);
		return attachment;
	}

	/** The article's files, oldest first. */
	@Transactional(readOnly = true)
	public List<ArticleAttachment> of(long articleId, CurrentUser reader) {
		articles.get(articleId, reader);
		return attachments.findOfArticle(articleId);
	}

	/**
	 * One file with its bytes.
	 * @throws NotFoundException when the reader may not read the article or it has no such file
	 */
	@Transactional(readOnly = true)
	public ArticleFile download(long articleId, long attachmentId, CurrentUser reader) {
		articles.get(articleId, reader);
		ArticleAttachment attachment = attachments.findOnArticle(articleId, attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment.not-found", "No such attachment", attachmentId));
		return new ArticleFile(attachment, store.content(attachmentId).orElseThrow());
	}

}
