package org.guichet.tickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guichet.directory.CurrentUser;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a ticket list as CSV: every page of the list, in its order, streamed from one database
 * cursor so that a million tickets never sit in memory. One export serves every ticket list (the
 * agent's queues and saved views, the API, the reports' drill-downs): give it the list's
 * {@link TicketQuery} (its page and size are ignored).
 *
 * <p>
 * The text is UTF-8 with a byte order mark (so that Excel reads it as UTF-8), comma-separated,
 * CRLF line ends, a header row in the reader's language, then one row per ticket; statuses,
 * priorities and types in the reader's language, dates ISO-8601 with the desk's offset
 * ({@code guichet.time-zone}), e.g. {@code 2026-11-30T09:15:00+01:00}. A cell that a spreadsheet
 * would take for a formula (starting with {@code = + - @}, a tab or a carriage return) is
 * prefixed with {@code '}.
 */
@Component
public class TicketExport {

	/** Rows read from the database at a time, and between two clearings of the persistence context. */
	static final int BATCH = 500;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final TicketSearch search;

	private final EntityManager em;

	private final MessageSource messages;

	private final DateTimeFormatter dates;

	private final TransactionTemplate reads;

	private final Clock clock;

	TicketExport(TicketSearch search, EntityManager em, MessageSource messages, PlatformTransactionManager transactions,
			Clock clock, @Value("${guichet.time-zone:Europe/Paris}") String zone) {
		this.search = search;
		this.em = em;
		this.messages = messages;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.clock = clock;
		this.dates = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(zone));
	}

	/**
	 * Answers a request with the CSV of the list, as a download named
	 * {@code tickets-<date>.csv}, written to the response as it is read.
	 *
	 * @return the number of tickets written
	 */
	public long download(TicketQuery query, List<TicketColumn> columns, CurrentUser reader, Locale locale,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"tickets-"
				+ LocalDate.ofInstant(clock.instant(), dates.getZone()) + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		return writeCsv(query, columns, reader, locale, response.getWriter());
	}

	/**
	 * Writes the tickets of the list the reader may see, with these columns, to {@code out}
	 * (flushed every {@value #BATCH} rows, not closed).
	 *
	 * @return the number of tickets written
	 */
	public long writeCsv(TicketQuery query, List<TicketColumn> columns, CurrentUser reader, Locale locale,
			Writer out) throws IOException {
		try {
			Long written = reads.execute(status -> {
				boolean lazy = lazyOnH2(true);
				try {
					return write(query, columns, reader, locale, out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				finally {
					if (lazy) {
						lazyOnH2(false);
					}
				}
			});
			return written == null ? 0 : written;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Turns H2's lazy query execution on or off for the transaction's connection (nothing on
	 * another database). Without it H2 computes a query's whole result before its first row,
	 * into a temporary file once it is larger than {@code MAX_MEMORY_ROWS}: an export of 100,000
	 * tickets wrote them all to disk and read them back (first byte after 5-14 s). PostgreSQL
	 * streams through the cursor's fetch size.
	 *
	 * @return whether the connection is H2's (so the setting must be turned off again before
	 * the connection goes back to the pool)
	 */
	private boolean lazyOnH2(boolean lazy) {
		return em.unwrap(Session.class).doReturningWork(connection -> {
			if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
				return false;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("set lazy_query_execution " + lazy);
			}
			return true;
		});
	}

	private long write(TicketQuery query, List<TicketColumn> columns, CurrentUser reader, Locale locale, Writer out)
			throws IOException {
		out.write(BYTE_ORDER_MARK);
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
		for (TicketColumn column : columns) {
			csv.print(messages.getMessage("column." + column.name(), null, column.name(), locale));
		}
		csv.println();
		long count = 0;
		try (Stream<Ticket> rows = search.stream(query, reader, BATCH)) {
			for (Ticket ticket : (Iterable<Ticket>) rows::iterator) {
				for (TicketColumn column : columns) {
					csv.print(cell(ticket, column, locale));
				}
				csv.println();
				if (++count % BATCH == 0) {
					em.clear();
					csv.flush();
				}
			}
		}
		csv.flush();
		return count;
	}

	private String cell(Ticket ticket, TicketColumn column, Locale locale) {
		return switch (column) {
			case NUMBER -> ticket.getNumber();
			case TITLE -> safe(ticket.getTitle());
			case STATUS -> label("status." + ticket.getStatus(), locale);
			case PRIORITY -> label("level." + ticket.getPriority(), locale);
			case SLA -> ticket.getSlaState() == null ? "" : label("sla.state." + ticket.getSlaState(), locale);
			case REQUESTER -> safe(ticket.getRequester().getFullName());
			case TYPE -> label("type." + ticket.getType(), locale);
			case CATEGORY -> ticket.getCategory() == null ? "" : safe(ticket.getCategory().getName());
			case GROUP -> ticket.getGroup() == null ? "" : safe(ticket.getGroup().getName());
			case ASSIGNEE -> ticket.getAssignee() == null ? "" : safe(ticket.getAssignee().getFullName());
			case UPDATED -> date(ticket.getUpdatedAt());
			case CREATED -> date(ticket.getCreatedAt());
		};
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String date(@Nullable Instant instant) {
		return instant == null ? "" : dates.format(instant);
	}

	/**
	 * The text, prefixed with {@code '} when a spreadsheet would run it as a formula (CSV
	 * injection, OWASP). Every CSV export writes free text through this (the KPI tables too).
	 */
	public static String safe(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
