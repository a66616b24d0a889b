package org.guichet.presentation.pages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One of the author's own pages: a title, the slug its address and its file in the pack are named
 * after, its place in the order, a Markdown body, and who changed it last and when. The version
 * refuses a change made on an older copy (a second tab, a colleague).
 */
@Entity
@Table(name = "presentation_page")
public class AuthorPage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String slug;

	private String title;

	private int position;

	private String body;

	private @Nullable Long editedById;

	private String editedByName;

	private Instant editedAt;

	@Version
	@Column(nullable = false)
	private long version;

	@SuppressWarnings("NullAway")
	protected AuthorPage() {
	}

	AuthorPage(PageDefinition definition, int position, long byId, String byName, Instant at) {
		this.position = position;
		define(definition, byId, byName, at);
	}

	/** Replaces the title, slug and body, and records the editor. */
	void define(PageDefinition definition, long byId, String byName, Instant at) {
		this.title = definition.title();
		this.slug = definition.slug();
		this.body = definition.body();
		this.editedById = byId;
		this.editedByName = byName;
		this.editedAt = at;
	}

	void moveTo(int newPosition) {
		this.position = newPosition;
	}

	/** The page's id; null before it is saved. */
	public @Nullable Long getId() {
		return id;
	}

	/** Lower-case letters, digits and dashes, unique among the pages. */
	public String getSlug() {
		return slug;
	}

	public String getTitle() {
		return title;
	}

	/** The page's place in the order, from 0; the pages are shown by increasing position. */
	public int getPosition() {
		return position;
	}

	/** The Markdown as typed; shown through {@code text.RichText} only. */
	public String getBody() {
		return body;
	}

	/** The last editor's user id; null once that account is gone. */
	public @Nullable Long getEditedById() {
		return editedById;
	}

	/** The last editor's full name as it was when they saved. */
	public String getEditedByName() {
		return editedByName;
	}

	public Instant getEditedAt() {
		return editedAt;
	}

	/** The version a change must name to be accepted. */
	public long getVersion() {
		return version;
	}

}
