package org.guichet.tickets.queues;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.tickets.TicketColumn;
import org.jspecify.annotations.Nullable;

/**
 * A ticket list an agent saved under a name: the filter's parameters and the columns shown.
 * Personal ({@code groupId} null), or shared with one of its creator's support groups.
 */
@Entity
@Table(name = "saved_view")
public class SavedView {

	/** The longest name, in characters. */
	public static final int MAX_NAME = 100;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	@Column(name = "owner_id")
	private long ownerId;

	@Column(name = "group_id")
	private @Nullable Long groupId;

	private String filter;

	private @Nullable String columns;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected SavedView() {
		this.name = "";
		this.filter = "";
		this.createdAt = Instant.EPOCH;
	}

	SavedView(String name, long ownerId, @Nullable Long groupId, Map<String, String> parameters,
			@Nullable List<TicketColumn> columns, Instant createdAt) {
		this.name = name;
		this.ownerId = ownerId;
		this.groupId = groupId;
		this.createdAt = createdAt;
		show(parameters, columns);
	}

	void rename(String newName) {
		this.name = newName;
	}

	/** Keeps another filter and other columns (null: the reader's own choice). */
	void show(Map<String, String> parameters, @Nullable List<TicketColumn> chosen) {
		StringBuilder query = new StringBuilder();
		parameters.forEach((key, value) -> query.append(query.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		this.filter = query.toString();
		this.columns = chosen == null ? null : TicketColumn.format(chosen);
	}

	public long getId() {
		return id == null ? 0 : id;
	}

	public String getName() {
		return name;
	}

	public long getOwnerId() {
		return ownerId;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public boolean isShared() {
		return groupId != null;
	}

	/** The filter's parameters, in the order saved. */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : filter.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	/** The columns saved with the view, or null when the reader's own choice applies. */
	public @Nullable List<TicketColumn> columns() {
		return TicketColumn.parse(columns);
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public long getVersion() {
		return version;
	}

}
