package org.guichet.presentation.examples;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.system.PageWindow;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The example tickets: a member of the IT team who may read a ticket marks it as an example with
 * a reason (and optionally a kind), marks it again to change the reason, or unmarks it; the team
 * lists them newest first. Anyone outside the IT team gets the 404 of a ticket they may not see
 * ({@link TicketManagement#internal}).
 */
@Service
public class ExampleTickets {

	/** The longest reason, in characters. */
	public static final int REASON_MAX = 500;

	/** The largest page of the list. */
	public static final int PAGE_MAX = 100;

	private final ExampleTicketRepository examples;

	private final TicketManagement tickets;

	private final UserRepository users;

	private final Clock clock;

	ExampleTickets(ExampleTicketRepository examples, TicketManagement tickets, UserRepository users, Clock clock) {
		this.examples = examples;
		this.tickets = tickets;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Marks the ticket as an example, or replaces its reason and kind if it is one already.
	 *
	 * @param reason why, as plain text: required, at most {@value #REASON_MAX} characters once stripped
	 * @param kind the kind of example, null for none
	 * @return the example as {@code by} sees it
	 * @throws NotFoundException when {@code by} is outside the IT team or may not see the ticket
	 * @throws InvalidInputException (field {@code reason}) when the reason is blank or too long
	 */
	@Transactional
	public Example mark(TicketId id, @Nullable String reason, @Nullable ExampleKind kind, CurrentUser by) {
		String title = tickets.internal(id, by).getTitle();
		String text = checkedReason(reason);
		ExampleTicket example = examples.findById(id.value()).orElse(null);
		if (example == null) {
			example = examples.save(new ExampleTicket(id.value(), text, kind, by.id(), clock.instant()));
		}
		else {
			example.mark(text, kind, by.id(), clock.instant());
		}
		return new Example(id.value(), title, example.reason(), example.kind(), by.id(), by.fullName(),
				example.markedAt());
	}

	/**
	 * The ticket is no longer an example; nothing happens if it was not one.
	 *
	 * @throws NotFoundException when {@code by} is outside the IT team or may not see the ticket
	 */
	@Transactional
	public void unmark(TicketId id, CurrentUser by) {
		tickets.internal(id, by);
		examples.deleteById(id.value());
	}

	/**
	 * Whether the ticket is an example, and why.
	 *
	 * @throws NotFoundException when {@code reader} is outside the IT team or may not see the ticket
	 */
	@Transactional(readOnly = true)
	public Optional<Example> of(TicketId id, CurrentUser reader) {
		String title = tickets.internal(id, reader).getTitle();
		return examples.findById(id.value()).map(example -> {
			String name = users.findById(example.markedById()).map(User::getFullName).orElse("");
			return new Example(id.value(), title, example.reason(), example.kind(), example.markedById(), name,
					example.markedAt());
		});
	}

	/**
	 * One page of the examples, newest first. An example whose ticket the reader may not see is
	 * listed without its title (see {@link Example#title()}). Not one transaction: each ticket is
	 * looked up with the reader's rights on its own.
	 *
	 * @param page from 0
	 * @param size from 1 to {@value #PAGE_MAX}
	 * @throws NotFoundException when {@code reader} is outside the IT team
	 * @throws InvalidInputException when the page or the size is out of range
	 */
	public ExamplePage page(int page, int size, CurrentUser reader) {
		if (!reader.isAgent()) {
			throw new NotFoundException("examples.not-found", "The example tickets are the IT team's");
		}
		if (page < 0) {
			throw new InvalidInputException("page", "examples.page.invalid", "page: give a page number from 0", page);
		}
		if (size < 1 || size > PAGE_MAX) {
			throw new InvalidInputException("size", "examples.size",
					"size: give a page size from 1 to " + PAGE_MAX, size, PAGE_MAX);
		}
		PageWindow window = new PageWindow(page, size);
		List<ExampleTicket> rows = examples.findNewestFirst(window.rows(Sort.unsorted()));
		List<ExampleTicket> shown = window.shown(rows);
		Map<Long, String> names = users.findAllById(shown.stream().map(ExampleTicket::markedById).distinct().toList())
			.stream()
			.collect(Collectors.toMap(User::getId, User::getFullName, (a, b) -> a));
		List<Example> items = new ArrayList<>(shown.size());
		for (ExampleTicket example : shown) {
			items.add(new Example(example.ticketId(), titleFor(example.ticketId(), reader), example.reason(),
					example.kind(), example.markedById(), names.getOrDefault(example.markedById(), ""),
					example.markedAt()));
		}
		return new ExamplePage(items, page, size, window.hasNext(rows));
	}

	/** The ticket's title if the reader may see it, else null. */
	private @Nullable String titleFor(long ticketId, CurrentUser reader) {
		try {
			return tickets.get(new TicketId(ticketId), reader).getTitle();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/** The reason stripped, or the refusal naming the field. */
	static String checkedReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "examples.reason.required",
					"reason: say why this ticket is an example (its complexity, its technical level, what it teaches)");
		}
		String text = reason.strip();
		if (text.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "field.too-long",
					"reason: at most " + REASON_MAX + " characters", REASON_MAX);
		}
		return text;
	}

}
