package org.guichet.knowledge;

import java.time.Instant;
import java.util.List;

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

/** One saved state of an article's text, numbered from 1, with who saved it and when; never changed. */
@Entity
@Table(name = "article_version")
public class ArticleVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "article_id", updatable = false)
	private long articleId;

	@Column(updatable = false)
	private int number;

	@Column(updatable = false)
	private String title;

	@Column(updatable = false)
	private String body;

	@Column(updatable = false)
	private String tags;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "saved_by_id", updatable = false)
	private User savedBy;

	@Column(updatable = false)
	private Instant savedAt;

	@SuppressWarnings("NullAway")
	protected ArticleVersion() {
		this.title = "";
		this.body = "";
		this.tags = "";
	}

	ArticleVersion(Article article, int number, User savedBy, Instant at) {
		this.articleId = article.getId();
		this.number = number;
		this.title = article.getTitle();
		this.body = article.getBody();
		this.tags = String.join(", ", article.getTags());
		this.savedBy = savedBy;
		this.savedAt = at;
	}

	public long getArticleId() {
		return articleId;
	}

	/** 1 for the first text saved, then one more per save. */
	public int getNumber() {
		return number;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	/** The tags as they were, comma-separated. */
	public List<String> getTags() {
		return ArticleContent.splitTags(tags).stream().map(String::strip).toList();
	}

	public User getSavedBy() {
		return savedBy;
	}

	public Instant getSavedAt() {
		return savedAt;
	}

}
