package org.guichet.tickets.queues;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The columns an agent chose for their ticket lists. */
@Entity
@Table(name = "list_columns")
class ListColumns {

	@Id
	@Column(name = "user_id")
	private long userId;

	private String columns;

	protected ListColumns() {
		this.columns = "";
	}

	ListColumns(long userId, String columns) {
		this.userId = userId;
		this.columns = columns;
	}

	String getColumns() {
		return columns;
	}

	void setColumns(String columns) {
		this.columns = columns;
	}

}
