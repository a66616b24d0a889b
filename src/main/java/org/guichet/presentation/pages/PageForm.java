package org.guichet.presentation.pages;

import org.jspecify.annotations.Nullable;

/** The page form, as typed: shown again as it is when refused, also on a conflict. */
public class PageForm {

	private @Nullable String title;

	private @Nullable String slug;

	private @Nullable String body;

	private @Nullable Long version;

	static PageForm of(AuthorPage page) {
		PageForm form = new PageForm();
		form.title = page.getTitle();
		form.slug = page.getSlug();
		form.body = page.getBody();
		form.version = page.getVersion();
		return form;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getSlug() {
		return slug;
	}

	public void setSlug(@Nullable String slug) {
		this.slug = slug;
	}

	public @Nullable String getBody() {
		return body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
