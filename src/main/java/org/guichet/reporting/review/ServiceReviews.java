package org.guichet.reporting.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.reporting.Granularity;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.Kpis;
import org.guichet.reporting.presentation.FilterScope;
import org.guichet.reporting.presentation.KpiFormat;
import org.guichet.reporting.presentation.KpiNames;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Writes the monthly service review for a reader: the month's KPIs (through {@link Kpis}, with
 * its scope: supervisors and administrators see every ticket, a technician their own figures and
 * their groups', a requester nothing), the previous month's for comparison, the day series, and
 * the month's resolutions ({@link MonthResolutions}) and its recurring incidents. Every figure reads the month's tickets
 * only (the previous month's for the comparison); the backlog by age is the backlog now.
 */
@Service
class ServiceReviews {

	/** How many of the month's longest resolutions the review lists. */
	static final int LONGEST = 10;

	private final Kpis kpis;

	private final MonthResolutions resolutions;

	private final TicketManagement tickets;

	private final MessageSource messages;

	private final KpiFormat format;

	private final KpiNames names;

	private final FilterScope scope;

	private final ZoneId zone;

	private final Clock clock;

	ServiceReviews(Kpis kpis, MonthResolutions resolutions, TicketManagement tickets, MessageSource messages,
			KpiFormat format, KpiNames names, FilterScope scope, Clock clock,
			@Value("${guichet.time-zone:Europe/Paris}") String zone) {
		this.format = format;
		this.names = names;
		this.scope = scope;
		this.clock = clock;
		this.kpis = kpis;
		this.resolutions = resolutions;
		this.tickets = tickets;
		this.messages = messages;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Reads the request: the month ({@code YYYY-MM}) and the KPI filter's criteria (DESIGN9 §3:
	 * {@code type}, {@code group}, {@code technician}, {@code category}, {@code channel},
	 * {@code priority}, {@code department}) narrowed to the reader's scope.
	 *
	 * @throws InvalidReviewMonthException for a missing, malformed or future month
	 * @throws InvalidInputException when the request gives a period ({@code period}, {@code from},
	 * {@code to}): the review's period is its month
	 * @throws org.guichet.reporting.InvalidKpiFilterException naming each criterion that does not fit
	 * @throws org.guichet.system.ForbiddenException for a requester, or a technician asking for
	 * figures outside their scope
	 */
	Request read(Map<String, String[]> parameters, CurrentUser reader) {
		for (String period : List.of("period", "from", "to")) {
			if (parameters.containsKey(period)) {
				throw new InvalidInputException(period, "review.period-is-month",
						"A service review covers its month: give month=YYYY-MM instead of " + period, period);
			}
		}
		String[] month = parameters.get("month");
		if (month != null && month.length > 1) {
			throw new InvalidReviewMonthException("format", String.join(",", month),
					"Give one month only, as YYYY-MM");
		}
		ReviewMonth reviewMonth = ReviewMonth.parse(month == null ? null : month[0], today());
		KpiFilter filter = kpis.parse(parameters).over(reviewMonth.days());
		return new Request(reviewMonth, kpis.scoped(filter, reader));
	}

	/** Today in {@code guichet.time-zone}. */
	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/** The month before today's, in {@code guichet.time-zone}: the review a page opens on. */
	YearMonth lastWholeMonth() {
		return YearMonth.from(today()).minusMonths(1);
	}

	/** A review asked for: its month and the filter as the reader may see it. */
	record Request(ReviewMonth month, KpiFilter filter) {
	}

	/** The review of the request, written in {@code locale}. */
	ServiceReview review(Request request, CurrentUser reader, Locale locale) {
		KpiFilter filter = request.filter();
		MonthResolutions.Spread spread = resolutions.of(filter, LONGEST);
		ReviewFormat format = new ReviewFormat(locale, messages, this.format, names);
		List<ServiceReview.TicketLine> longest = spread.longest().stream().map(resolution -> {
			Ticket ticket = tickets.find(new TicketId(resolution.ticketId()));
			return new ServiceReview.TicketLine(resolution.ticketId(), ticket.getNumber(), ticket.getTitle(),
					format.duration(resolution.seconds()), resolution.businessSeconds() == null ? ReviewFormat.NONE
							: format.duration(resolution.businessSeconds()));
		}).toList();
		ServiceReview.Figures figures = new ServiceReview.Figures(request.month(), kpis.report(filter, reader),
				kpis.report(filter.over(request.month().previousMonth()), reader), kpis.backlogTrend(filter, reader),
				kpis.volumes(filter, Granularity.DAY, reader), spread, longest, kpis.recurringIncidents(filter, reader));
		return ServiceReview.compose(figures, scope.describe(filter, locale), format, messages, zone);
	}

}
