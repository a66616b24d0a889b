package org.guichet.tickets.web.admin;

import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryAdministration.CategoryDetails;
import org.jspecify.annotations.Nullable;

/** What the administrator types about a category. */
class CategoryForm {

	private @Nullable String name;

	private @Nullable Long parentId;

	private long version;

	static CategoryForm of(Category category) {
		CategoryForm form = new CategoryForm();
		form.name = category.getName();
		form.parentId = category.getParent() == null ? null : category.getParent().getId();
		form.version = category.getVersion();
		return form;
	}

	/** What was typed, for {@link org.guichet.tickets.CategoryAdministration}, which checks it. */
	CategoryDetails details() {
		return new CategoryDetails(name, parentId);
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Long getParentId() {
		return parentId;
	}

	public void setParentId(@Nullable Long parentId) {
		this.parentId = parentId;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
