package org.guichet.knowledge.web;

import java.time.LocalDate;

import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleContent;
import org.guichet.knowledge.ArticleKind;
import org.guichet.knowledge.ArticleLanguage;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The article form of the agent's pages, as typed: kept whole when refused. */
public class ArticleForm {

	private @Nullable String title;

	private @Nullable String body;

	private @Nullable ArticleKind kind;

	private @Nullable ArticleAudience audience = ArticleAudience.INTERNAL;

	private @Nullable Long categoryId;

	private @Nullable String tags;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate reviewOn;

	private @Nullable ArticleLanguage language;

	private @Nullable Long ticketId;

	private @Nullable Long version;

	/** The number of the article's version the form was filled from (a change), for the diff when stale. */
	private @Nullable Integer basedOn;

	/** The article this form translates (a translation not saved yet), null otherwise. */
	private @Nullable Long translationOf;

	static ArticleForm of(Article article) {
		ArticleForm form = new ArticleForm();
		form.title = article.getTitle();
		form.body = article.getBody();
		form.kind = article.getKind();
		form.audience = article.getAudience();
		form.categoryId = article.getCategoryId();
		form.tags = String.join(", ", article.getTags());
		form.reviewOn = article.getReviewOn();
		form.language = article.getLanguage();
		form.version = article.getVersion();
		return form;
	}

	static ArticleForm of(ArticleContent content, ArticleLanguage language, long ticketId) {
		ArticleForm form = new ArticleForm();
		form.title = content.title();
		form.body = content.body();
		form.kind = content.kind();
		form.audience = content.audience();
		form.categoryId = content.categoryId();
		form.tags = content.tagsText();
		form.language = language;
		form.ticketId = ticketId;
		return form;
	}

	/**
	 * A translation of the article, not saved yet: its text and description to translate, in the
	 * other language.
	 */
	static ArticleForm translationOf(Article source) {
		ArticleForm form = of(source);
		form.language = source.getLanguage().other();
		form.version = null;
		form.translationOf = source.getId();
		return form;
	}

	/** The content, checked. @throws org.guichet.system.InvalidInputException naming each field at fault */
	ArticleContent content() {
		return ArticleContent.of(title, body, kind, audience, categoryId, tags, reviewOn);
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public @Nullable ArticleKind getKind() {
		return kind;
	}

	public void setKind(@Nullable ArticleKind kind) {
		this.kind = kind;
	}

	public @Nullable ArticleAudience getAudience() {
		return audience;
	}

	public void setAudience(@Nullable ArticleAudience audience) {
		this.audience = audience;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public @Nullable String getTags() {
		return tags;
	}

	public void setTags(@Nullable String tags) {
		this.tags = tags;
	}

	public @Nullable LocalDate getReviewOn() {
		return reviewOn;
	}

	public void setReviewOn(@Nullable LocalDate reviewOn) {
		this.reviewOn = reviewOn;
	}

	public @Nullable ArticleLanguage getLanguage() {
		return language;
	}

	public void setLanguage(@Nullable ArticleLanguage language) {
		this.language = language;
	}

	public @Nullable Long getTicketId() {
		return ticketId;
	}

	public void setTicketId(@Nullable Long ticketId) {
		this.ticketId = ticketId;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable Integer getBasedOn() {
		return basedOn;
	}

	public void setBasedOn(@Nullable Integer basedOn) {
		this.basedOn = basedOn;
	}

	public @Nullable Long getTranslationOf() {
		return translationOf;
	}

	public void setTranslationOf(@Nullable Long translationOf) {
		this.translationOf = translationOf;
	}

}
