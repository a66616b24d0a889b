package org.guichet.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One version of an item's form. The latest version of an item is the one asked; a version some
 * request was filed with is never changed ({@link Catalogue#saveForm} makes the next one).
 */
@Entity
@Table(name = "catalogue_form_version")
public class FormVersion {

	/** What a {@link #stamp()} looks like: two whole numbers joined by a dot. */
	public static final Pattern STAMP = Pattern.compile("\\d+\\.\\d+");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_id", updatable = false)
	private long itemId;

	@Column(name = "version_number", updatable = false)
	private int number;

	@Column(name = "created_by_id")
	private long createdById;

	@Column(name = "created_at")
	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "catalogue_form_field", joinColumns = @JoinColumn(name = "form_version_id"))
	@OrderColumn(name = "position")
	private List<FieldRow> fields = new ArrayList<>();

	@Version
	@Column(name = "lock_version")
	private long lockVersion;

	protected FormVersion() {
		this.id = 0L;
		this.createdAt = Instant.EPOCH;
	}

	FormVersion(long itemId, int number, FormDefinition form, long createdById, Instant createdAt) {
		this.id = null;
		this.itemId = itemId;
		this.number = number;
		this.createdAt = createdAt;
		this.createdById = createdById;
		replace(form, createdById, createdAt);
	}

	/** Changes the fields of a version nobody filed with yet. */
	void replace(FormDefinition form, long by, Instant at) {
		this.fields.clear();
		form.fields().stream().map(FieldRow::new).forEach(this.fields::add);
		this.createdById = by;
		this.createdAt = at;
	}

	public long getId() {
		return id;
	}

	public long getItemId() {
		return itemId;
	}

	/** 1 for an item's first form, then one more for each change after a request was filed. */
	public int getNumber() {
		return number;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	/**
	 * What the editor was opened with, to tell at save time whether the form changed since: this
	 * version's id and how many times it was changed in place, e.g. {@code "12.3"}.
	 */
	public String stamp() {

		return id + "." + lockVersion;
	}

	/** The form as this version asks it. */
	public FormDefinition form() {
		return new FormDefinition(fields.stream().map(FieldRow::field).toList());
	}

}
