package org.guichet.catalogue.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.approvals.Quorum;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.StepPlan;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.FieldCondition;
import org.guichet.catalogue.FieldKind;
import org.guichet.catalogue.FieldOption;
import org.guichet.catalogue.FormDefinition;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.FormVersion;
import org.guichet.catalogue.ItemApprovalStep;
import org.guichet.catalogue.ItemDescription;
import org.guichet.catalogue.SkipCondition;
import org.guichet.directory.CurrentUser;
import org.guichet.system.IfMatch;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.MultiLine;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration › Catalogue, {@code /api/v1/admin/catalogue}, through the service the pages use
 * ({@link Catalogue}), so both accept and refuse the same things: the sections (add, rename, delete
 * an empty one: 409 {@code catalogue.section.not-empty} otherwise), the items (every one, inactive
 * too; add, change with If-Match or {@code version}: 412 {@code record.version-stale} with
 * {@code currentVersion} when changed since), an item's form (its ETag is the version's stamp; a
 * save changes it in place until a request used it, else saves the next version; 412
 * {@code record.tag-stale} with {@code currentETag} when saved since) and its approval steps. Administrators only (403 problem+json otherwise); a refusal
 * is 400 problem+json whose {@code errors} name every field at fault; an unknown item or section
 * in the path 404.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/catalogue", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Catalogue administration", description = "The catalogue's sections, items, forms and approval steps")
class CatalogueAdminApiController {

	private static final String ITEMS = "/api/v1/admin/catalogue/items/";

	private final Catalogue catalogue;

	CatalogueAdminApiController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "Every section in order, each with every item in it, inactive ones too")
	CatalogueJson catalogue(@AuthenticationPrincipal CurrentUser me) {
		List<CatalogueItem> items = catalogue.allItems(me);
		return new CatalogueJson(catalogue.sections().stream()
			.map(section -> SectionJson.of(section, items.stream()
				.filter(item -> item.getSection().getId() == section.getId())
				.map(item -> ItemJson.of(item, catalogue.currentForm(item.getId())))
				.toList()))
			.toList());
	}

	@PostMapping(path = "/sections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Adds a section after the others")
	ResponseEntity<SectionJson> addSection(@RequestBody SectionBody body, @AuthenticationPrincipal CurrentUser me) {
		CatalogueSection section = catalogue.addSection(body.labelFr(), body.labelEn(), me);
		return ResponseEntity.created(URI.create("/api/v1/admin/catalogue/sections/" + section.getId()))
			.body(SectionJson.of(section, List.of()));
	}

	@PutMapping(path = "/sections/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Renames a section in both languages (the last rename wins)")
	SectionJson renameSection(@PathVariable long id, @RequestBody SectionBody body,
			@AuthenticationPrincipal CurrentUser me) {
		catalogue.section(id, me);
		return SectionJson.of(catalogue.renameSection(id, body.labelFr(), body.labelEn(), me), List.of());
	}

	@DeleteMapping("/sections/{id}")
	@Operation(summary = "Deletes a section holding no item (409 catalogue.section.not-empty otherwise)")
	ResponseEntity<Void> deleteSection(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		catalogue.section(id, me);
		catalogue.deleteSection(id, me);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Adds an item at the end of its section, active or not, with an empty form (version 1): "
			+ "nobody is offered it until its form has a field")
	ResponseEntity<ItemJson> addItem(@RequestBody ItemBody body, @AuthenticationPrincipal CurrentUser me) {
		CatalogueItem item = catalogue.addItem(body.sectionId(), body.description(), body.departments(),
				body.groups(), body.active(), me);
		ItemJson json = ItemJson.of(item, catalogue.currentForm(item.getId()));
		return ResponseEntity.created(URI.create(ITEMS + item.getId())).eTag(IfMatch.etag(json.version())).body(json);
	}

	@GetMapping("/items/{id}")
	@Operation(summary = "One item, inactive ones too, with its approval steps")
	ResponseEntity<ItemJson> item(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return answer(catalogue.item(id, me));
	}

	@PutMapping(path = "/items/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces what an item is, who may ask, its section and whether it is offered "
			+ "(If-Match or version required)")
	ResponseEntity<ItemJson> replaceItem(@PathVariable long id, @RequestBody ItemBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		long version = IfMatch.required(ifMatch, body.version());
		return answer(catalogue.updateItem(id, version, body.sectionId(), body.description(), body.departments(),
				body.groups(), body.active(), me));
	}

	@PutMapping(path = "/items/{id}/approval-steps", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces the approval steps the item's requests wait for, in order; none to start work at once")
	ResponseEntity<ItemJson> replaceApprovalSteps(@PathVariable long id, @RequestBody ApprovalStepsBody body,
			@AuthenticationPrincipal CurrentUser me) {
		catalogue.item(id, me);
		return answer(catalogue.requireApproval(id, body.checkedSteps(), me));
	}

	@GetMapping("/items/{id}/form")
	@Operation(summary = "The version of the item's form asked now; its ETag is the version's stamp")
	ResponseEntity<FormJson> form(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		catalogue.item(id, me);
		return answer(catalogue.currentForm(id));
	}

	@PutMapping(path = "/items/{id}/form", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Saves the item's form, every field given in order (If-Match or stamp required): in place "
			+ "while no request was filed with it, else as the next version")
	ResponseEntity<FormJson> saveForm(@PathVariable long id, @RequestBody FormBody body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		String openedAs = IfMatch.requiredTag(ifMatch, body.stamp(), FormVersion.STAMP, "stamp");
		catalogue.item(id, me);
		return answer(catalogue.saveForm(id, openedAs, body.definition(), me));
	}

	private ResponseEntity<ItemJson> answer(CatalogueItem item) {
		ItemJson json = ItemJson.of(item, catalogue.currentForm(item.getId()));
		return ResponseEntity.ok().eTag(IfMatch.etag(json.version())).body(json);
	}

	private static ResponseEntity<FormJson> answer(FormVersion version) {
		return ResponseEntity.ok().eTag(IfMatch.etag(version.stamp())).body(FormJson.of(version));
	}

	record CatalogueJson(List<SectionJson> sections) {
	}

	/** A section as sent: both labels, 1–200 characters. */
	record SectionBody(String labelFr, String labelEn) {
	}

	record SectionJson(long id, String labelFr, String labelEn, int position, List<ItemJson> items) {

		static SectionJson of(CatalogueSection section, List<ItemJson> items) {
			return new SectionJson(section.getId(), section.getLabelFr(), section.getLabelEn(), section.getPosition(),
					items);
		}

	}

	/**
	 * An item as sent: every member, as reading the item gives them.
	 *
	 * @param descriptionFr null or absent: none
	 * @param descriptionEn null or absent: none
	 * @param categoryId the ticket's category; null or absent: none
	 * @param groupId the group the ticket goes to when routing names none; null or absent: routing alone
	 * @param departments with {@code groups}, who may ask for it; both empty for everyone
	 * @param active false: offered to nobody (at creation too)
	 * @param version the item's version the change was made on ({@code PUT}; absent when If-Match
	 *        names it, which wins; ignored by {@code POST})
	 */
	record ItemBody(long sectionId, String labelFr, String labelEn, @Nullable @MultiLine String descriptionFr,
			@Nullable @MultiLine String descriptionEn, String icon, TicketType ticketType, @Nullable Long categoryId,
			@Nullable Long groupId, String titleTemplate, List<String> tasks, List<String> departments,
			List<Long> groups, boolean active, @Nullable Long version) {

		ItemDescription description() {
			return new ItemDescription(labelFr, labelEn, descriptionFr, descriptionEn, icon, ticketType, categoryId,
					groupId, titleTemplate, tasks);
		}

	}

	/**
	 * An item as administrators see it.
	 *
	 * @param currentFormVersion the number of the form's version asked now
	 * @param fieldCount how many fields that version asks (0: the item is offered to nobody yet)
	 */
	record ItemJson(long id, long sectionId, int position, String labelFr, String labelEn, String descriptionFr,
			String descriptionEn, String icon, TicketType ticketType, @Nullable Long categoryId,
			@Nullable Long groupId, String titleTemplate, List<String> tasks, List<String> departments,
			List<Long> groups, boolean active, List<StepJson> approvalSteps, int currentFormVersion, int fieldCount,
			long version) {

		static ItemJson of(CatalogueItem item, FormVersion form) {
			ItemDescription d = item.description();
			return new ItemJson(item.getId(), item.getSection().getId(), item.getPosition(), d.labelFr(), d.labelEn(),
					String.valueOf(d.descriptionFr()), String.valueOf(d.descriptionEn()), d.icon(), d.ticketType(),
					d.categoryId(), d.groupId(), d.titleTemplate(), d.tasks(),
					item.getDepartments().stream().sorted().toList(), item.getGroups().stream().sorted().toList(),
					item.isActive(), item.getApprovalSteps().stream().map(StepJson::of).toList(), form.getNumber(),
					form.form().fields().size(), item.getVersion());
		}

	}

	/**
	 * One approval step, as sent and as answered.
	 *
	 * @param kind {@code MANAGER} (the requester's manager), {@code USER} or {@code GROUP}
	 * @param targetId the person (USER) or group (GROUP) asked; none for MANAGER
	 * @param quorum a group's: {@code ANY} (null or absent), {@code ALL} or {@code PERCENT}; a person
	 *        (MANAGER, USER) decides alone: only {@code ANY} or nothing, anything else is refused
	 *        ({@code approvalSteps[i].quorum}, {@code catalogue.approval.person-quorum})
	 * @param percent a PERCENT quorum's, 1 to 100
	 * @param skipField the key of the form's field the step is skipped on; null or absent to always ask
	 * @param skipComparison {@code EQUALS} (null or absent), {@code LESS_THAN} or {@code GREATER_THAN}
	 * @param skipValue the answer, or the number, compared with; null or absent: empty
	 */
	record StepJson(StepKind kind, @Nullable Long targetId, @Nullable Quorum quorum,
			@Nullable Integer percent, @Nullable String skipField, SkipCondition.@Nullable Comparison skipComparison,
			@Nullable String skipValue) {

		static StepJson of(ItemApprovalStep step) {
			SkipCondition skip = step.skipWhen();
			return new StepJson(step.getKind(), step.getTargetId(), step.getQuorum(), step.getPercent(),
					skip == null ? null : skip.fieldKey(), skip == null ? null : skip.comparison(),
					skip == null ? null : skip.value());
		}

		/** @throws InvalidInputException naming every wrong member at once, as the page's editor refuses them */
		ItemApprovalStep step() {
			InputChecks checks = new InputChecks();
			if (kind != StepKind.GROUP && quorum != null && quorum != Quorum.ANY) {
				checks.check(() -> {
					throw new InvalidInputException("quorum", "catalogue.approval.person-quorum",
							"A person decides alone: leave the quorum out, or ANY");
				});
			}
			Quorum counted = quorum == null ? Quorum.ANY : quorum;
			StepPlan plan = checks.check(() -> new StepPlan(kind, kind == StepKind.MANAGER ? null : targetId,
					kind == StepKind.GROUP ? counted : Quorum.ANY, percent, null));
			SkipCondition skip = skipField == null || skipField.isBlank() ? null
					: checks.check(() -> new SkipCondition(skipField.strip(),
							skipComparison == null ? SkipCondition.Comparison.EQUALS : skipComparison,
							skipValue == null ? "" : skipValue.strip()));
			checks.refuseIfAny();
			return new ItemApprovalStep(plan, skip);
		}

	}

	/** @param approvalSteps in the order they are asked; empty for none */
	record ApprovalStepsBody(List<StepJson> approvalSteps) {

		/** @throws InvalidInputException naming every wrong step's member, {@code approvalSteps[i].<member>} */
		List<ItemApprovalStep> checkedSteps() {
			List<StepJson> given = approvalSteps;
			List<ItemApprovalStep> steps = new ArrayList<>();
			InputChecks checks = new InputChecks();
			for (int i = 0; i < given.size(); i++) {
				String prefix = "approvalSteps[" + i + "].";
				StepJson step = given.get(i);
				checks.check(() -> {
					try {
						steps.add(step.step());
					}
					catch (InvalidInputException ex) {
						throw ex.within(prefix);
					}
				});
			}
			checks.refuseIfAny();
			return steps;
		}

	}

	/**
	 * One field of a form, as sent: the members of {@link FormField}, checked by it (refusals name
	 * {@code fields.<key>.<member>}).
	 *
	 * @param helpFr null or absent: none
	 * @param helpEn null or absent: none
	 * @param required whether the field must be answered
	 * @param defaultValue null or absent: none; likewise {@code minLength}, {@code maxLength},
	 *        {@code min}, {@code max}, {@code pattern} (no bound) and {@code shownWhen} (always shown)
	 * @param options a choice's options; null or absent for another kind
	 */
	record FieldJson(String key, FieldKind kind, String labelFr, String labelEn, @Nullable @MultiLine String helpFr,
			@Nullable @MultiLine String helpEn, boolean required, @Nullable @MultiLine String defaultValue, @Nullable Integer minLength,
			@Nullable Integer maxLength, @Nullable String min, @Nullable String max, @Nullable String pattern,
			@Nullable List<FieldOption> options, @Nullable FieldCondition shownWhen) {

		FormField field() {
			return new FormField(key.strip(), kind, labelFr, labelEn, helpFr, helpEn, required, defaultValue,
					minLength, maxLength, min, max, pattern, options, shownWhen);
		}

	}

	/**
	 * A form as saved.
	 *
	 * @param fields every field, in the order asked; empty for none
	 * @param stamp the stamp of the version the change was made on; absent when If-Match names it (If-Match wins)
	 */
	record FormBody(List<FieldJson> fields, @Nullable String stamp) {

		/** @throws InvalidInputException naming every wrong field's member at once, then the form's own rules */
		FormDefinition definition() {
			InputChecks checks = new InputChecks();
			List<FormField> checked = new ArrayList<>();
			fields.forEach(field -> checks.check(() -> {
				checked.add(field.field());
			}));
			checks.refuseIfAny();
			return new FormDefinition(checked);
		}

	}

	/**
	 * The version of a form asked now.
	 *
	 * @param version its number: 1, then one more for each change saved after a request was filed
	 * @param stamp what a save names to say which state of the form it changes (also its ETag)
	 */
	record FormJson(long itemId, int version, String stamp, Instant createdAt, List<FormField> fields) {

		static FormJson of(FormVersion version) {
			return new FormJson(version.getItemId(), version.getNumber(), version.stamp(), version.getCreatedAt(),
					version.form().fields());
		}

	}

}
