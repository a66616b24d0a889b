package org.guichet.reporting.recurring;

import java.util.Set;

import org.guichet.tickets.Channel;
import org.guichet.tickets.Priority;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents of the period the recurring incidents look at; every criterion is optional
 * (null: any) and they all apply together. The values are those of the ticket facts
 * ({@code ticket_fact}): the ticket's group, assignee, category, channel and priority now, and
 * its requester's department now.
 *
 * @param group only the incidents of this support group
 * @param technician only the incidents assigned to this technician
 * @param category only the incidents of this category or of one of its sub-categories, at any
 * depth; an unknown category matches nothing
 * @param channel only the incidents registered through this channel
 * @param priority only the incidents of this priority
 * @param department only the incidents whose requester is in this department (exact text)
 * @param scope what the reader may see, null for everything (supervisors and administrators)
 */
public record RecurringFilter(@Nullable Long group, @Nullable Long technician, @Nullable Long category,
		@Nullable Channel channel, @Nullable Priority priority, @Nullable String department, @Nullable Scope scope) {

	/** No criterion: every incident of the period. */
	public static final RecurringFilter NONE = new RecurringFilter(null, null, null, null, null, null, null);

	/**
	 * A technician's view: the incidents of their groups and those assigned to them.
	 *
	 * @param groupIds the groups the technician is a member of, possibly none
	 * @param technicianId the technician
	 */
	public record Scope(Set<Long> groupIds, long technicianId) {

		public Scope {
			groupIds = Set.copyOf(groupIds);
		}

	}

}
