package org.guichet.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** A ticket filed through a catalogue item: the form's version it was filed with and its answers. */
@Entity
@Table(name = "catalogue_request")
public class CatalogueRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ticket_id", updatable = false)
	private long ticketId;

	@Column(name = "item_id", updatable = false)
	private long itemId;

	@Column(name = "form_version_id", updatable = false)
	private long formVersionId;

	@Column(name = "filed_by_id", updatable = false)
	private long filedById;

	@Column(name = "filed_at", updatable = false)
	private Instant filedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "catalogue_answer", joinColumns = @JoinColumn(name = "request_id"))
	@OrderColumn(name = "position")
	private List<AnswerRow> answers = new ArrayList<>();

	protected CatalogueRequest() {
		this.id = 0L;
		this.filedAt = Instant.EPOCH;
	}

	CatalogueRequest(long ticketId, long itemId, long formVersionId, Map<String, List<String>> answers, long filedById,
			Instant filedAt) {
		this.id = null;
		this.ticketId = ticketId;
		this.itemId = itemId;
		this.formVersionId = formVersionId;
		this.filedById = filedById;
		this.filedAt = filedAt;
		answers.forEach((key, values) -> values.forEach(value -> this.answers.add(new AnswerRow(key, value))));
	}

	public long getId() {
		return id;
	}

	public long getTicketId() {
		return ticketId;
	}

	public long getItemId() {
		return itemId;
	}

	public long getFormVersionId() {
		return formVersionId;
	}

	public long getFiledById() {
		return filedById;
	}

	public Instant getFiledAt() {
		return filedAt;
	}

	/** The answers as filed, by field key in the form's order. */
	public Map<String, List<String>> answers() {
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		answers.forEach(row -> byKey.computeIfAbsent(row.fieldKey(), k -> new ArrayList<>()).add(row.value()));
		return byKey;
	}

}
