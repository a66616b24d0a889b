package org.guichet.catalogue;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.guichet.approvals.StepKind;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.StaleTagException;
import org.guichet.system.VersionMismatchException;
import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's sections, items and forms: what each person may ask for, and the
 * administrators' changes. A form changes in place until a request is filed with it; after
 * that a change saves the next version, so that a ticket keeps the version it was filed with.
 */
@Service
@Transactional
public class Catalogue {

	private final CatalogueSectionRepository sections;

	private final CatalogueItemRepository items;

	private final FormVersionRepository versions;

	private final CatalogueRequestRepository requests;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final Categories categories;

	private final Clock clock;

	Catalogue(CatalogueSectionRepository sections, CatalogueItemRepository items, FormVersionRepository versions,
			CatalogueRequestRepository requests, UserRepository users, SupportGroupRepository groups,
			Categories categories, Clock clock) {
		this.sections = sections;
		this.items = items;
		this.versions = versions;
		this.requests = requests;
		this.users = users;
		this.groups = groups;
		this.categories = categories;
		this.clock = clock;
	}

	// --- Reading ----------------------------------------------------------------------------

	/** Every section, in order. */
	/** Whether at least one active item requires approval before work starts (one query). */
	@Transactional(readOnly = true)
	public boolean anyItemRequiresApproval() {
		return items.anyActiveRequiringApproval();
	}

	@Transactional(readOnly = true)
	public List<CatalogueSection> sections() {
		return sections.findAllByOrderByPositionAscIdAsc();
	}

	/**
	 * The items {@code reader} may ask for, by section then position: the active ones their
	 * department or groups allow; the IT team, who file for anyone, sees every active item. An
	 * item whose form has no field yet is being built: nobody is offered it.
	 */
	@Transactional(readOnly = true)
	public List<CatalogueItem> requestable(CurrentUser reader) {
		Audience audience = audienceOf(reader);
		Set<Long> asking = versions.findItemIdsAskingFields();
		return items.findAllInOrder().stream().filter(CatalogueItem::isActive).filter(i -> asking.contains(i.getId()))
			.filter(audience::allows).toList();
	}

	/** Every item, inactive ones too, by section then position (administrators). */
	@Transactional(readOnly = true)
	public List<CatalogueItem> allItems(CurrentUser reader) {
		requireAdministrator(reader);
		return items.findAllInOrder();
	}

	/**
	 * An item {@code reader} may ask for.
	 *
	 * @throws NotFoundException when there is none, it is inactive, its form has no field yet or
	 *         it is not for them
	 */
	@Transactional(readOnly = true)
	public CatalogueItem requestable(long itemId, CurrentUser reader) {
		return offer(itemId, reader).item();
	}

	/**
	 * An item {@code reader} may ask for, with the version of its form asked now, both read once.
	 *
	 * @throws NotFoundException when there is none, it is inactive, its form has no field yet or
	 *         it is not for them
	 */
	@Transactional(readOnly = true)
	public Offer offer(long itemId, CurrentUser reader) {
		CatalogueItem item = items.findWithSection(itemId)
			.filter(CatalogueItem::isActive)
			.filter(audienceOf(reader)::allows)
			.orElseThrow(() -> notFound(itemId));
		FormVersion form = currentForm(itemId);
		if (form.form().fields().isEmpty()) {
			throw notFound(itemId);
		}
		return new Offer(item, form);
	}

	/** An item offered to someone and the version of its form they are asked to fill in. */
	public record Offer(CatalogueItem item, FormVersion form) {
	}

	/**
	 * Any item, for administrators.
	 *
	 * @throws NotFoundException when there is none
	 * @throws ForbiddenException when the reader is not an administrator
	 */
	@Transactional(readOnly = true)
	public CatalogueItem item(long itemId, CurrentUser reader) {
		requireAdministrator(reader);
		return items.findWithSection(itemId).orElseThrow(() -> notFound(itemId));
	}

	/** The version of the item's form asked now (every item has one from its creation). */
	@Transactional(readOnly = true)
	public FormVersion currentForm(long itemId) {
		return versions.findFirstByItemIdOrderByNumberDesc(itemId).orElseThrow(() -> notFound(itemId));
	}

	/** Every version of the item's form, the first first. */
	@Transactional(readOnly = true)
	public List<FormVersion> versions(long itemId) {
		return versions.findByItemIdOrderByNumberAsc(itemId);
	}

	/** The item's label in that language, whether the item is still offered or not; empty when there is none. */
	@Transactional(readOnly = true)
	public String itemLabel(long itemId, Locale language) {
		return items.findWithSection(itemId).map(item -> item.label(language)).orElse("");
	}

	/** A version of a form by its id, whichever item; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<FormVersion> version(long formVersionId) {
		return versions.findById(formVersionId);
	}

	/**
	 * Any section, for administrators.
	 *
	 * @throws NotFoundException ({@code catalogue.section.not-found}) when there is none
	 * @throws ForbiddenException when the reader is not an administrator
	 */
	@Transactional(readOnly = true)
	public CatalogueSection section(long sectionId, CurrentUser reader) {
		requireAdministrator(reader);
		return sections.findById(sectionId).orElseThrow(() -> new NotFoundException("catalogue.section.not-found",
				"No catalogue section " + sectionId, sectionId));
	}

	// --- Administration ---------------------------------------------------------------------

	/**
	 * Adds a section after the others.
	 *
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws InvalidInputException when a label is blank or too long
	 */
	public CatalogueSection addSection(String labelFr, String labelEn, CurrentUser by) {
		requireAdministrator(by);
		int position = sections.findAllByOrderByPositionAscIdAsc().size();
		return sections.save(new CatalogueSection(labelFr, labelEn, position));
	}

	/**
	 * Renames a section, in both languages; the last rename wins (two labels, nothing else to lose).
	 *
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws InvalidInputException on {@code sectionId} when there is no such section, or when a
	 *         label is blank or too long
	 */
	public CatalogueSection renameSection(long sectionId, String labelFr, String labelEn, CurrentUser by) {
		requireAdministrator(by);
		CatalogueSection section = section(sectionId);
		section.rename(labelFr, labelEn);
		return section;
	}

	/**
	 * Deletes a section that holds no item. One that does is refused rather than emptied: its
	 * items (inactive ones too) keep their requests and form versions, so they are moved to another
	 * section first, each from its own page, or the section is kept.
	 *
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws InvalidInputException on {@code sectionId} when there is no such section
	 * @throws ConflictException ({@code catalogue.section.not-empty}, with the number of items)
	 *         when items are in it
	 */
	public void deleteSection(long sectionId, CurrentUser by) {
		requireAdministrator(by);
		CatalogueSection section = section(sectionId);
		long held = items.countBySectionId(sectionId);
		if (held > 0) {
			throw new ConflictException("catalogue.section.not-empty",
					"This section holds " + held + " items: move them to another section first, then delete it", held);
		}
		sections.delete(section);
	}

	/**
	 * Adds an item at the end of a section, with an empty form (version 1).
	 *
	 * @param departments who may ask for it, with {@code groups}; both empty for everyone
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws InvalidInputException as {@link CatalogueItem#describe}, or naming {@code sectionId},
	 *         {@code categoryId}, {@code groupId} or {@code groups} when they name nothing
	 */
	public CatalogueItem addItem(long sectionId, ItemDescription description, Collection<String> departments,
			Collection<Long> groupIds, CurrentUser by) {
		return addItem(sectionId, description, departments, groupIds, true, by);
	}

	/**
	 * As {@link #addItem(long, ItemDescription, Collection, Collection, CurrentUser)}, offered or not.
	 *
	 * @param active false: added inactive, offered to nobody until made active
	 */
	public CatalogueItem addItem(long sectionId, ItemDescription description, Collection<String> departments,
			Collection<Long> groupIds, boolean active, CurrentUser by) {
		requireAdministrator(by);
		CatalogueSection section = section(sectionId);
		checkReferences(description, groupIds);
		CatalogueItem item = new CatalogueItem(section, description, (int) items.countBySectionId(sectionId));
		item.restrictTo(departments, groupIds);
		item.setActive(active);
		items.save(item);
		versions.save(new FormVersion(item.getId(), 1, new FormDefinition(List.of()), by.id(), clock.instant()));
		return item;
	}

	/**
	 * Changes an item: what it is, who may ask, its section and position, whether it is offered.
	 *
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws NotFoundException when there is no such item
	 * @param expectedVersion the item's {@link CatalogueItem#getVersion() version} the editor was
	 *        opened with; null to skip the check
	 * @throws VersionMismatchException when the item was changed since {@code expectedVersion}
	 * @throws InvalidInputException as {@link #addItem}
	 */
	public CatalogueItem updateItem(long itemId, @Nullable Long expectedVersion, long sectionId,
			ItemDescription description, Collection<String> departments, Collection<Long> groupIds, boolean active,
			CurrentUser by) {
		CatalogueItem item = item(itemId, by);
		VersionMismatchException.check(expectedVersion, item.getVersion(), "catalogue.admin.item.stale",
				"Another administrator saved this item since you opened it: nothing was saved", item.getVersion());
		CatalogueSection section = section(sectionId);
		checkReferences(description, groupIds);
		item.describe(description);
		FormDefinition form = currentForm(itemId).form();
		if (!form.fields().isEmpty()) {
			checkTitleKeys(item, form, "titleTemplate");
		}
		item.restrictTo(departments, groupIds);
		item.setActive(active);
		if (item.getSection().getId() != sectionId) {
			item.moveTo(section, (int) items.countBySectionId(sectionId));
		}
		return item;
	}

	/**
	 * Saves an item's form: in place while no request was filed with its current version, else as
	 * the next version (the earlier one stays as it was, for the tickets filed with it).
	 *
	 * @return the version now asked
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws NotFoundException when there is no such item
	 */
	public FormVersion saveForm(long itemId, FormDefinition form, CurrentUser by) {
		return saveForm(itemId, null, form, by);
	}

	/**
	 * Saves an item's form as {@link #saveForm(long, FormDefinition, CurrentUser)}, unless it
	 * changed since the editor was opened.
	 *
	 * @param openedAs the {@link FormVersion#stamp() stamp} of the version the editor was opened
	 *        with; null to skip the check
	 * @throws StaleTagException when another save happened since {@code openedAs} (in place or as
	 *         a new version), with the current stamp
	 * @throws InvalidInputException (field {@code fields}) when the form has fields but none with a
	 *         key the item's title template names, or has no field an approval step of the item is
	 *         skipped on
	 */
	public FormVersion saveForm(long itemId, @Nullable String openedAs, FormDefinition form, CurrentUser by) {
		CatalogueItem item = item(itemId, by);
		FormVersion current = currentForm(itemId);
		if (openedAs != null && !openedAs.equals(current.stamp())) {
			throw new StaleTagException("catalogue.admin.form.stale",
					"Another administrator saved this form since you opened it: nothing was saved", current.stamp());
		}
		if (!form.fields().isEmpty()) {
			checkTitleKeys(item, form, "fields");
		}
		checkSkipFields(item, form);
		if (current.form().equals(form)) {
			return current;
		}
		if (!requests.existsByFormVersionId(current.getId())) {
			current.replace(form, by.id(), clock.instant());
			return current;
		}
		return versions.save(new FormVersion(itemId, current.getNumber() + 1, form, by.id(), clock.instant()));
	}

	/**
	 * Refuses a title template naming a key no field of the form has (it would be filled with
	 * nothing): once an item has a form, its template and its form are saved only in agreement.
	 */
	private static void checkTitleKeys(CatalogueItem item, FormDefinition form, String at) {
		InputChecks checks = new InputChecks();
		item.titleKeys().stream().filter(key -> form.field(key) == null).forEach(key -> checks.check(() -> {
			throw new InvalidInputException(at, "catalogue.item.title-unknown-key",
					"The title template names " + key + ", which no field of the form has", key);
		}));
		checks.refuseIfAny();
	}

	/**
	 * Refuses a form without a field an approval step of the item is skipped on (the step would
	 * never be skipped again): the step is changed first, then the field removed.
	 */
	private static void checkSkipFields(CatalogueItem item, FormDefinition form) {
		InputChecks checks = new InputChecks();
		List<ItemApprovalStep> steps = item.getApprovalSteps();
		for (int i = 0; i < steps.size(); i++) {
			SkipCondition skip = steps.get(i).skipWhen();
			int number = i + 1;
			if (skip != null && form.field(skip.fieldKey()) == null) {
				checks.check(() -> {
					throw new InvalidInputException("fields", "catalogue.approval.field-in-use",
							"Approval step " + number + " is skipped on the field " + skip.fieldKey()
									+ ": change that step before removing the field",
							number, skip.fieldKey());
				});
			}
		}
		checks.refuseIfAny();
	}

	/**
	 * Replaces the approval steps an item's requests wait for, in order; none to start work at once.
	 *
	 * @throws ForbiddenException when {@code by} is not an administrator
	 * @throws NotFoundException when there is no such item
	 * @throws InvalidInputException naming every wrong step at once: on {@code approvalSteps[i].targetId}
	 *         when the person or group does not exist, on {@code approvalSteps[i].skipField} when the
	 *         item's current form has no such field
	 */
	public CatalogueItem requireApproval(long itemId, List<ItemApprovalStep> steps, CurrentUser by) {
		CatalogueItem item = item(itemId, by);
		FormDefinition form = currentForm(itemId).form();
		InputChecks checks = new InputChecks();
		for (int i = 0; i < steps.size(); i++) {
			ItemApprovalStep step = steps.get(i);
			String at = "approvalSteps[" + i + "].";
			Long target = step.getTargetId();
			if (target != null) {
				checks.check(() -> {
					boolean known = step.getKind() == StepKind.GROUP ? groups.existsById(target)
							: users.existsById(target);
					if (!known) {
						throw new InvalidInputException(at + "targetId", "catalogue.approval.unknown-target",
								"No such person or group", target);
					}
				});
			}
			SkipCondition skip = step.skipWhen();
			if (skip != null) {
				checks.check(() -> {
					if (form.field(skip.fieldKey()) == null) {
						throw new InvalidInputException(at + "skipField", "catalogue.approval.unknown-field",
								"The form has no such field", skip.fieldKey());
					}
				});
			}
		}
		checks.refuseIfAny();
		item.requireApproval(steps);
		return item;
	}

	private void checkReferences(ItemDescription description, Collection<Long> groupIds) {
		InputChecks checks = new InputChecks();
		if (description.categoryId() != null) {
			checks.check(() -> {
				if (categories.tree().find(description.categoryId()).isEmpty()) {
					throw new InvalidInputException("categoryId", "catalogue.item.unknown-category",
							"No such category", description.categoryId());
				}
			});
		}
		if (description.groupId() != null) {
			checks.check(() -> {
				if (!groups.existsById(description.groupId())) {
					throw new InvalidInputException("groupId", "catalogue.item.unknown-group", "No such group",
							description.groupId());
				}
			});
		}
		for (Long groupId : groupIds) {
			checks.check(() -> {
				if (!groups.existsById(groupId)) {
					throw new InvalidInputException("groups", "catalogue.item.unknown-group", "No such group", groupId);
				}
			});
		}
		checks.refuseIfAny();
	}

	private CatalogueSection section(long sectionId) {
		return sections.findById(sectionId)
			.orElseThrow(() -> new InvalidInputException("sectionId", "catalogue.section.unknown", "No such section",
					sectionId));
	}

	/** Who {@code user} is for the items' audiences: any item for the IT team. */
	Audience audienceOf(CurrentUser user) {
		if (user.isAgent()) {
			return item -> true;
		}
		return audienceOf(user.id());
	}

	/** Who the person with this id is for the items' audiences, whoever asks. */
	Audience audienceOf(long userId) {
		String department = users.findById(userId).map(User::getDepartment).orElse(null);
		List<Long> memberOf = groups.findGroupIdsOfMember(userId);
		return item -> item.mayBeRequestedBy(department, memberOf);
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("catalogue.admin-only", "Only administrators change the catalogue");
		}
	}

	private static NotFoundException notFound(long itemId) {
		return new NotFoundException("catalogue.item.not-found", "No catalogue item " + itemId, itemId);
	}

	/** Whether an item is for someone. */
	interface Audience {

		boolean allows(CatalogueItem item);

	}

}
