package org.guichet.tickets.queues;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupDeleting;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.OneLine;
import org.guichet.tickets.TicketColumn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' saved views and column choices. A personal view is its creator's alone; a view
 * shared with a group is seen by the group's members and managed (saved over, renamed, deleted)
 * by its creator, the group's supervisors and administrators. Members of the IT team only: a
 * requester is refused (403).
 */
@Service
@Transactional
public class SavedViews {

	private final SavedViewRepository views;

	private final ListColumnsRepository columns;

	private final SupportGroupRepository groups;

	private final Clock clock;

	SavedViews(SavedViewRepository views, ListColumnsRepository columns, SupportGroupRepository groups, Clock clock) {
		this.views = views;
		this.columns = columns;
		this.groups = groups;
		this.clock = clock;
	}

	/** The reader's own views and those shared with their groups, by name. */
	@Transactional(readOnly = true)
	public List<SavedView> visibleTo(CurrentUser reader) {
		requireAgent(reader);
		List<Long> mine = groups.findGroupIdsOfMember(reader.id());
		return views.findVisible(reader.id(), mine.isEmpty() ? Set.of(-1L) : mine);
	}

	/**
	 * A view the reader sees.
	 *
	 * @throws NotFoundException when there is none with this id or the reader does not see it
	 */
	@Transactional(readOnly = true)
	public SavedView get(long id, CurrentUser reader) {
		requireAgent(reader);
		return views.findById(id)
			.filter(view -> sees(view, reader))
			.orElseThrow(() -> new NotFoundException("view.not-found", "No such view", id));
	}

	/** Whether the reader may save over, rename or delete the view. */
	@Transactional(readOnly = true)
	public boolean mayManage(SavedView view, CurrentUser reader) {
		if (view.getOwnerId() == reader.id() || reader.role() == Role.ADMINISTRATOR) {
			return true;
		}
		return view.getGroupId() != null && reader.role() == Role.SUPERVISOR
				&& groups.findGroupIdsOfMember(reader.id()).contains(view.getGroupId());
	}

	/**
	 * Saves a new view.
	 *
	 * @param name 1 to {@value SavedView#MAX_NAME} characters
	 * @param groupId the group to share it with, one of the creator's; null for a personal view
	 * @param parameters the ticket filter's parameters ({@code TicketFilter.toParameters()})
	 * @param chosen the columns, null for the reader's own choice
	 * @throws InvalidInputException for a blank or too long name or one not on one line
	 *         ({@code field.one-line}), a group the creator is not in
	 */
	public SavedView create(String name, @Nullable Long groupId, Map<String, String> parameters,
			@Nullable List<TicketColumn> chosen, CurrentUser by) {
		requireAgent(by);
		if (groupId != null && !groups.findGroupIdsOfMember(by.id()).contains(groupId)) {
			throw new InvalidInputException("groupId", "view.group-not-member",
					"Share a view with one of your own groups", groupId);
		}
		return views.save(new SavedView(validName(name), by.id(), groupId, parameters, chosen, clock.instant()));
	}

	/** Saves the list's current filter and columns over the view. */
	public SavedView update(long id, Map<String, String> parameters, @Nullable List<TicketColumn> chosen,
			CurrentUser by) {
		SavedView view = managed(id, by);
		view.show(parameters, chosen);
		return view;
	}

	public SavedView rename(long id, String name, CurrentUser by) {
		SavedView view = managed(id, by);
		view.rename(validName(name));
		return view;
	}

	public void delete(long id, CurrentUser by) {
		views.delete(managed(id, by));
	}

	/** The columns the reader chose for their lists, or {@link TicketColumn#DEFAULT}. */
	@Transactional(readOnly = true)
	public List<TicketColumn> columnsOf(CurrentUser reader) {
		return columns.findById(reader.id())
			.map(chosen -> TicketColumn.parse(chosen.getColumns()))
			.orElse(TicketColumn.DEFAULT);
	}

	/** Remembers the reader's columns; an empty choice gives the default back. */
	public void chooseColumns(List<TicketColumn> chosen, CurrentUser by) {
		requireAgent(by);
		if (chosen.isEmpty()) {
			columns.deleteById(by.id());
			return;
		}
		columns.findById(by.id())
			.ifPresentOrElse(existing -> existing.setColumns(TicketColumn.format(chosen)),
					() -> columns.save(new ListColumns(by.id(), TicketColumn.format(chosen))));
	}

	/** The views shared with a group go with it. */
	@EventListener
	void on(SupportGroupDeleting deleting) {
		views.deleteByGroup(deleting.groupId());
	}

	private SavedView managed(long id, CurrentUser by) {
		SavedView view = get(id, by);
		if (!mayManage(view, by)) {
			throw new ForbiddenException("view.manage-forbidden",
					"Only its creator and the group's supervisors manage a shared view", view.getName());
		}
		return view;
	}

	private boolean sees(SavedView view, CurrentUser reader) {
		if (view.getGroupId() == null) {
			return view.getOwnerId() == reader.id();
		}
		return view.getOwnerId() == reader.id() || groups.findGroupIdsOfMember(reader.id()).contains(view.getGroupId());
	}

	private static String validName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "field.required", "Give the view a name");
		}
		OneLine.Check.check("name", name);
		if (name.strip().length() > SavedView.MAX_NAME) {
			throw new InvalidInputException("name", "field.too-long", "The name is too long", SavedView.MAX_NAME);
		}
		return name.strip();
	}

	private static void requireAgent(CurrentUser user) {
		if (!user.isAgent()) {
			throw new ForbiddenException("view.agent-only", "Only the IT team has saved views");
		}
	}

}
