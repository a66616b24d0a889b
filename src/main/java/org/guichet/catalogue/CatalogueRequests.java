package org.guichet.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.approvals.Approval;
import org.guichet.approvals.Approvals;
import org.guichet.approvals.StepKind;
import org.guichet.approvals.Verdict;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.text.MarkdownEscaping;
import org.guichet.text.Typography;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Urgency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files requests through catalogue items and reads their answers back. A request is a ticket
 * registered through the tickets module like any other (routing, SLA, history, notifications),
 * in the same transaction as its answers.
 */
@Service
@Transactional
public class CatalogueRequests {

	private final Catalogue catalogue;

	private final CatalogueRequestRepository requests;

	private final TicketManagement tickets;

	private final UserRepository users;

	private final Approvals approvals;

	private final OnBehalf onBehalf;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	CatalogueRequests(Catalogue catalogue, CatalogueRequestRepository requests, TicketManagement tickets,
			UserRepository users, Approvals approvals, OnBehalf onBehalf, MessageSource messages, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.catalogue = catalogue;
		this.requests = requests;
		this.tickets = tickets;
		this.users = users;
		this.approvals = approvals;
		this.onBehalf = onBehalf;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Files a request: checks the answers against the item's current form, registers the ticket
	 * (titled from the item's template, the answers written in its description in
	 * {@code language}, with the item's type, category, group and tasks), attaches the files and
	 * keeps the answers with the form's version; when the item requires approval, asks for it
	 * (its steps whose skip condition the answers hold are skipped) and the ticket waits for it.
	 * When the person filing for someone else is the one the first open step asks as the
	 * requester's manager, filing is their approval of that step, recorded as their decision with
	 * the comment "filed by the approver" (docs/APPROVALS.md).
	 *
	 * @throws NotFoundException when the item is not one the person filing may ask for, or the
	 *         person it is filed for may not
	 * @throws InvalidInputException naming every wrong answer ({@code answers.<key>}) at once
	 * @throws org.guichet.system.ForbiddenException when a requester files for someone else than
	 *         themselves or one of their direct reports ({@link OnBehalf})
	 */
	public Filed file(long itemId, Filing filing, CurrentUser by, Locale language) {
		Catalogue.Offer offer = catalogue.offer(itemId, by);
		CatalogueItem item = offer.item();
		boolean forReport = onBehalf.check(by, filing.requesterId());
		if (filing.requesterId() != null && filing.requesterId() != by.id()
				&& !catalogue.audienceOf(filing.requesterId()).allows(item)) {
			throw new InvalidInputException("requesterId", "catalogue.request.not-for-requester",
					"This item is not offered to that person", filing.requesterId());
		}
		FormVersion version = offer.form();
		FormDefinition form = version.form();
		Map<String, List<String>> sent = new HashMap<>(filing.answers());
		refuseFilesAsText(form, filing);
		for (FormField field : form.fields()) {
			if (field.kind() == FieldKind.ATTACHMENT) {
				sent.put(field.key(), filing.files().stream().filter(f -> f.fieldKey().equals(field.key()))
					.map(Filing.FiledFile::fileName).toList());
			}
		}
		Map<String, List<String>> answers = form.fill(sent, this::isActive, LocalDate.ofInstant(clock.instant(), zone));
		List<FiledAnswers.Answer> shown = shown(form, answers, language);
		String title = item.title(key -> shown.stream().filter(a -> a.key().equals(key)).findFirst()
			.map(FiledAnswers.Answer::shown).orElse(""), language);
		NewTicket demand = new NewTicket(item.getTicketType(), title, description(item, shown, language),
				filing.requesterId(), filing.channel(), item.getCategoryId(), Urgency.MEDIUM, null, List.of());
		Ticket ticket = tickets.registerFromCatalogue(demand, item.label(Locale.ENGLISH), item.getGroupId(),
				item.getTasks(), forReport, by);
		for (Filing.FiledFile file : filing.files()) {
			if (answers.containsKey(file.fieldKey())) {
				try {
					tickets.attach(ticket.id(), file.fileName(), file.contentType(), file.content(), false, by);
				}
				catch (InvalidInputException refused) {
					throw new InvalidInputException("answers." + file.fieldKey(), refused.messageKey(),
							refused.getMessage(), refused.arguments());
				}
			}
		}
		requests.save(new CatalogueRequest(ticket.id().value(), itemId, version.getId(), answers, by.id(),
				clock.instant()));
		if (!item.getApprovalSteps().isEmpty()) {
			Approval approval = approvals.request(ticket.id(),
					item.getApprovalSteps().stream().map(step -> step.plan(answers)).toList());
			if (filing.requesterId() != null && filing.requesterId() != by.id()
					&& approval.openStep().filter(step -> step.getKind() == StepKind.MANAGER).isPresent()
					&& approval.waitsFor(by.id(), Set.of())) {
				approvals.decide(Objects.requireNonNull(approval.getId()), Verdict.APPROVE,
						messages.getMessage("catalogue.request.filed-by-approver", null, "Filed by the approver", language),
						by);
			}
		}
		return new Filed(ticket, version.getNumber());
	}

	/**
	 * A request just filed.
	 *
	 * @param ticket its ticket
	 * @param formVersion the number of the form's version its answers were checked against (1 for the first)
	 */
	public record Filed(Ticket ticket, int formVersion) {
	}

	/** Whether the ticket was filed through an item of the catalogue; no visibility rule applies. */
	@Transactional(readOnly = true)
	public boolean filedThroughCatalogue(TicketId ticket) {
		return requests.existsByTicketId(ticket.value());
	}

	/**
	 * The ticket's form answers as {@code reader} sees them.
	 *
	 * @return empty when the ticket was not filed through the catalogue
	 * @throws NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public Optional<FiledAnswers> answersOf(TicketId ticket, CurrentUser reader, Locale language) {
		tickets.get(ticket, reader);
		return requests.findByTicketId(ticket.value()).map(request -> {
			FormVersion version = catalogue.version(request.getFormVersionId()).orElseThrow();
			return new FiledAnswers(request.getItemId(), catalogue.itemLabel(request.getItemId(), language),
					version.getNumber(), request.getFiledAt(), shown(version.form(), request.answers(), language));
		});
	}

	/**
	 * An attachment field's answer is a file: a text sent for it (the API's JSON answers) is refused
	 * rather than dropped, saying how to send the file instead.
	 */
	private static void refuseFilesAsText(FormDefinition form, Filing filing) {
		InputChecks checks = new InputChecks();
		form.fields().stream().filter(field -> field.kind() == FieldKind.ATTACHMENT)
			.filter(field -> filing.answers().getOrDefault(field.key(), List.of()).stream()
				.anyMatch(value -> value != null && !value.isBlank()))
			.forEach(field -> checks.check(() -> {
				throw new InvalidInputException(field.answerName(), "catalogue.answer.file-as-text",
						"This answer is a file: send the request without it, then attach the file to the ticket", field.key());
			}));
		checks.refuseIfAny();
	}

	private boolean isActive(long userId) {
		return users.findById(userId).filter(User::isActive).isPresent();
	}

	private List<FiledAnswers.Answer> shown(FormDefinition form, Map<String, List<String>> answers, Locale language) {
		boolean french = "fr".equals(language.getLanguage());
		List<FiledAnswers.Answer> shown = new ArrayList<>();
		for (FormField field : form.fields()) {
			List<String> values = answers.get(field.key());
			if (values == null || values.isEmpty()) {
				continue;
			}
			String text = values.stream().map(value -> switch (field.kind()) {
				case CHOICE, MULTIPLE_CHOICE -> {
					FieldOption option = field.option(value);
					yield option == null ? value : option.label(french);
				}
				case YES_NO -> "yes".equals(value) ? (french ? "Oui" : "Yes") : (french ? "Non" : "No");
				case DATE -> LocalDate.parse(value).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
				case USER -> users.findById(Long.parseLong(value)).map(User::getFullName).orElse(value);
				default -> value;
			}).collect(Collectors.joining(", "));
			shown.add(new FiledAnswers.Answer(field.key(), field.label(language), field.kind(), values, text));
		}
		return shown;
	}

	/**
	 * The ticket's description: the answers as a Markdown list, one bullet each, every label and
	 * answer escaped (shown as typed) and a long text's further lines indented so they stay in
	 * their bullet; cut to the longest text a ticket takes; the item's label when no answer.
	 */
	static String description(CatalogueItem item, List<FiledAnswers.Answer> answers, Locale language) {
		if (answers.isEmpty()) {
			return item.label(language);
		}
		StringBuilder text = new StringBuilder();
		for (FiledAnswers.Answer answer : answers) {
			text.append("- **").append(MarkdownEscaping.escape(answer.label())).append("**").append(Typography.colon(language));
			for (String line : answer.shown().strip().split("\\R", -1)) {
				text.append(line.isBlank() ? "" : (text.charAt(text.length() - 1) == ':' ? " " : "  ")
						+ MarkdownEscaping.escape(line)).append('\n');
			}
		}
		String description = text.toString().strip();
		return description.length() <= Ticket.TEXT_MAX ? description
				: description.substring(0, Ticket.TEXT_MAX - 1) + "…";
	}

}
