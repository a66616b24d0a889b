package org.guichet.knowledge;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to an article (an image its text shows, a document to download); its bytes
 * live apart ({@code article_attachment_content}), so that listing an article's files never reads them.
 */
@Entity
@Table(name = "article_attachment")
public class ArticleAttachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "article_id", updatable = false)
	private long articleId;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "uploaded_by_id", updatable = false)
	private User uploadedBy;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private Instant createdAt;

	@SuppressWarnings("NullAway")
	protected ArticleAttachment() {
		this.fileName = "";
		this.contentType = "";
	}

	ArticleAttachment(long articleId, User uploadedBy, String fileName, String contentType, long sizeBytes,
			Instant at) {
		this.articleId = articleId;
		this.uploadedBy = uploadedBy;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.createdAt = at;
	}

	public @Nullable Long getId() {
		return id;
	}

	public long getArticleId() {
		return articleId;
	}

	public String getFileName() {
		return fileName;
	}

	public String getContentType() {
		return contentType;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	/** Whether the text may show it as an image. */
	public boolean isImage() {
		return contentType.startsWith("image/");
	}

	/** The server path its text's Markdown links or shows it at. */
	public String getPath() {
		return "/knowledge/articles/" + articleId + "/attachments/" + id;
	}

}
