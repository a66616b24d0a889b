package org.guichet.catalogue.api;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.catalogue.Catalogue;
import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.CatalogueRequests;
import org.guichet.catalogue.CatalogueSection;
import org.guichet.catalogue.Filing;
import org.guichet.catalogue.FormField;
import org.guichet.catalogue.FormVersion;
import org.guichet.directory.CurrentUser;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service catalogue, {@code /api/v1/catalogue}: the sections and items the caller may ask
 * for, each with every version of its form, and filing a request through an item. A wrong answer
 * is a problem+json (400) whose {@code errors} name each wrong field as {@code answers.<key>}.
 */
@RestController
@RequestMapping(path = "/api/v1/catalogue", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Catalogue", description = "The service catalogue: items, their forms, requests filed through them")
class CatalogueApiController {

	private final Catalogue catalogue;

	private final CatalogueRequests requests;

	CatalogueApiController(Catalogue catalogue, CatalogueRequests requests) {
		this.catalogue = catalogue;
		this.requests = requests;
	}

	@GetMapping
	@Operation(summary = "The sections and the items the caller may ask for, each with every version of its form "
			+ "(the last one is asked), labels in both languages")
	CatalogueJson catalogue(@AuthenticationPrincipal CurrentUser reader) {
		List<CatalogueItem> items = catalogue.requestable(reader);
		List<SectionJson> sections = catalogue.sections().stream()
			.map(section -> SectionJson.of(section,
					items.stream().filter(i -> i.getSection().getId() == section.getId())
						.map(item -> ItemJson.of(item, catalogue.versions(item.getId())))
						.toList()))
			.filter(section -> !section.items().isEmpty())
			.toList();
		return new CatalogueJson(sections);
	}

	@PostMapping(path = "/items/{id}/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Files a request through an item: the answers are checked against its current form "
			+ "(all wrong answers named at once) and a ticket is registered; attachment fields are filled from the portal")
	ResponseEntity<FiledJson> file(@PathVariable long id, @RequestBody RequestJson request,
			@AuthenticationPrincipal CurrentUser by) {
		Locale language = LocaleContextHolder.getLocale();
		CatalogueRequests.Filed filed = requests.file(id,
				new Filing(request.answerValues(), request.requesterId(), Channel.API, List.of()), by, language);
		Ticket ticket = filed.ticket();
		URI location = URI.create("/api/v1/tickets/" + ticket.id().value());
		return ResponseEntity.created(location)
			.body(new FiledJson(ticket.id().value(), ticket.getNumber(), ticket.getTitle(), id, filed.formVersion(),
					location.toString()));
	}

	/**
	 * A request filed through an item.
	 *
	 * @param answers by field key: a string, a number, a boolean, or a list of them for a multiple choice;
	 *        a key null or absent is not answered, as is every key when {@code answers} is absent
	 * @param requesterId who it is for (the IT team: anyone; a manager: a direct report, when allowed); null for the caller
	 */
	record RequestJson(@Nullable Map<String, @Nullable Object> answers, @Nullable Long requesterId) {

		@Override
		public Map<String, @Nullable Object> answers() {
			return answers == null ? Map.of() : answers;
		}

		/**
		 * The answers as lists of strings: a boolean as yes or no, a number as written, null as no answer.
		 *
		 * @throws InvalidInputException naming each answer that is an object
		 */
		Map<String, List<String>> answerValues() {
			Map<String, List<String>> values = new LinkedHashMap<>();
			InputChecks checks = new InputChecks();
			answers().forEach((key, value) -> checks.check(() -> {
				List<?> given = value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
				values.put(key, given.stream().map(v -> text(key, v)).toList());
			}));
			checks.refuseIfAny();
			return values;
		}

		private static String text(String key, @Nullable Object value) {
			if (value instanceof Boolean yes) {
				return yes ? "yes" : "no";
			}
			if (value instanceof String || value instanceof Number) {
				return value.toString();
			}
			throw new InvalidInputException("answers." + key, "catalogue.answer.not-a-value",
					"An answer is a string, a number, a boolean or a list of them");
		}

	}

	record CatalogueJson(List<SectionJson> sections) {
	}

	record SectionJson(long id, String labelFr, String labelEn, List<ItemJson> items) {

		static SectionJson of(CatalogueSection section, List<ItemJson> items) {
			return new SectionJson(section.getId(), section.getLabelFr(), section.getLabelEn(), items);
		}

	}

	record ItemJson(long id, String labelFr, String labelEn, String descriptionFr, String descriptionEn, String icon,
			TicketType ticketType, @Nullable Long categoryId, @Nullable Long groupId, String titleTemplate,
			List<String> tasks, int currentFormVersion, List<FormJson> forms) {

		static ItemJson of(CatalogueItem item, List<FormVersion> versions) {
			var d = item.description();
			return new ItemJson(item.getId(), d.labelFr(), d.labelEn(), String.valueOf(d.descriptionFr()),
					String.valueOf(d.descriptionEn()), item.getIcon(), item.getTicketType(), item.getCategoryId(),
					item.getGroupId(), item.getTitleTemplate(), item.getTasks(),
					versions.isEmpty() ? 0 : versions.get(versions.size() - 1).getNumber(),
					versions.stream().map(FormJson::of).toList());
		}

	}

	record FormJson(int version, Instant createdAt, List<FormField> fields) {

		static FormJson of(FormVersion version) {
			return new FormJson(version.getNumber(), version.getCreatedAt(),
					version.form().fields());
		}

	}

	record FiledJson(long ticketId, String number, String title, long itemId, int formVersion, String href) {
	}

}
