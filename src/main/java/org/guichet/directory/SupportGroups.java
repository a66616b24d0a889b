package org.guichet.directory;

import org.guichet.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes support groups, once every module that may use one has had its say.
 */
@Service
@Transactional
public class SupportGroups {

	private final SupportGroupRepository groups;

	private final ApplicationEventPublisher events;

	SupportGroups(SupportGroupRepository groups, ApplicationEventPublisher events) {
		this.groups = groups;
		this.events = events;
	}

	/**
	 * @throws org.guichet.system.ConflictException when a routing rule, a ticket or another
	 * module still uses the group
	 */
	public void delete(long groupId) {
		SupportGroup group = groups.findById(groupId)
			.orElseThrow(() -> new NotFoundException("group.not-found", "No group " + groupId, groupId));
		events.publishEvent(new SupportGroupDeleting(groupId, group.getName()));
		groups.delete(group);
	}

}
