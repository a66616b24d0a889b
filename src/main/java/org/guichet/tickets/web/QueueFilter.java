package org.guichet.tickets.web;

import org.guichet.tickets.Priority;
import org.guichet.tickets.Queue;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agent's queue, filters, sort and page, as sent in the query string. A value that does not
 * parse is left empty rather than refused, as a bookmarked link may outlive an option.
 */
public class QueueFilter {

	static final int PAGE_SIZE = 25;

	private @Nullable Queue queue = Queue.UNASSIGNED;

	private @Nullable Status status;

	private @Nullable TicketType type;

	private @Nullable Priority priority;

	private @Nullable Long groupId;

	private @Nullable Long assigneeId;

	private @Nullable Long categoryId;

	private @Nullable String text;

	private @Nullable TicketSort sort = TicketSort.PRIORITY;

	private int page;

	TicketQuery toQuery() {
		return new TicketQuery(queue == null ? Queue.UNASSIGNED : queue, status, type, priority, groupId, assigneeId,
				null, categoryId, text, sort == null ? TicketSort.PRIORITY : sort, page, PAGE_SIZE);
	}

	/** A link to this very list, built from the values understood, for tabs and paging. */
	UriComponentsBuilder link() {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/agent");
		Object[][] values = { { "queue", queue }, { "status", status }, { "type", type }, { "priority", priority },
				{ "groupId", groupId }, { "assigneeId", assigneeId }, { "categoryId", categoryId }, { "text", text },
				{ "sort", sort }, { "page", page == 0 ? null : page } };
		for (Object[] value : values) {
			if (value[1] != null) {
				link.queryParam((String) value[0], value[1]);
			}
		}
		return link;
	}

	public @Nullable Queue getQueue() {
		return queue;
	}

	public void setQueue(@Nullable Queue queue) {
		this.queue = queue;
	}

	public @Nullable Status getStatus() {
		return status;
	}

	public void setStatus(@Nullable Status status) {
		this.status = status;
	}

	public @Nullable TicketType getType() {
		return type;
	}

	public void setType(@Nullable TicketType type) {
		this.type = type;
	}

	public @Nullable Priority getPriority() {
		return priority;
	}

	public void setPriority(@Nullable Priority priority) {
		this.priority = priority;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public @Nullable Long getAssigneeId() {
		return assigneeId;
	}

	public void setAssigneeId(@Nullable Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public @Nullable String getText() {
		return text;
	}

	public void setText(@Nullable String text) {
		this.text = text;
	}

	public @Nullable TicketSort getSort() {
		return sort;
	}

	public void setSort(@Nullable TicketSort sort) {
		this.sort = sort;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
