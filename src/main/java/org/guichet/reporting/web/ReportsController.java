package org.guichet.reporting.web;

import java.time.ZoneId;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.DeflectionKpi;
import org.guichet.reporting.Granularity;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.Kpis;
import org.guichet.reporting.PeriodPreset;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard ({@code /reports}): the KPIs of a filter ({@link KpiFilter}, all in the URL, so a
 * view is a bookmark) as cards, the charts of the volumes and the backlog, the weekday × hour
 * heatmap, each number linked to the agent's list of its tickets; a quick switch between the
 * desk, a group and a technician. Supervisors and administrators see every figure, a technician
 * their own and their groups' ({@link Kpis#scoped}), a requester nothing (403).
 */
@Controller
@RequestMapping("/reports")
@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
class ReportsController {

	/** Periods longer than this are drawn per week rather than per day. */
	private static final int DAILY_UP_TO_DAYS = 62;

	/** When the figures were computed: hours and minutes, local to {@code guichet.time-zone}. */
	private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm");

	private static final List<Role> AGENTS = List.of(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMINISTRATOR);

	private final Kpis kpis;

	private final KpiCards cards;

	private final Charts charts;

	private final MessageSource messages;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final CategoryRepository categories;

	private final DeflectionKpi deflection;

	private final ZoneId zone;

	ReportsController(Kpis kpis, KpiCards cards, Charts charts, MessageSource messages, SupportGroupRepository groups,
			UserRepository users, CategoryRepository categories, DeflectionKpi deflection,
			@Value("${guichet.time-zone}") ZoneId zone) {
		this.kpis = kpis;
		this.deflection = deflection;
		this.cards = cards;
		this.charts = charts;
		this.messages = messages;
		this.groups = groups;
		this.users = users;
		this.categories = categories;
		this.zone = zone;
	}

	@GetMapping
	String dashboard(HttpServletRequest request, @AuthenticationPrincipal CurrentUser me, Model model,
			HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		KpiFilter.Reading reading = kpis.read(request.getParameterMap());
		List<SupportGroup> visibleGroups = visibleGroups(me);
		List<User> technicians = visibleTechnicians(me);
		model.addAttribute("sent", reading.sent());
		model.addAttribute("presets", PeriodPreset.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("groups", visibleGroups);
		model.addAttribute("technicians", technicians);
		model.addAttribute("categories", categories.findAllOrdered());
		YearMonth reviewMonth = YearMonth.from(kpis.today()).minusMonths(1);
		model.addAttribute("reviewMonth", reviewMonth);
		if (!reading.isValid()) {
			Map<String, String> errors = new LinkedHashMap<>();
			reading.errors()
				.forEach(error -> errors.putIfAbsent(error.field(),
						messages.getMessage(error.code(), error.arguments(), error.englishMessage(), locale)));
			model.addAttribute("filterErrors", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "reports/dashboard";
		}
		KpiReport report = kpis.report(reading.filter(), me);
		KpiFilter filter = report.filter();
		Granularity step = report.period().days() > DAILY_UP_TO_DAYS ? Granularity.WEEK : Granularity.DAY;
		Volumes volumes = kpis.volumes(filter, step, me);
		BacklogTrend trend = kpis.backlogTrend(filter, me);
		model.addAttribute("report", report);
		model.addAttribute("filter", filter);
		model.addAttribute("heading", heading(filter, visibleGroups, technicians, locale));
		model.addAttribute("asOf", messages.getMessage("reports.as-of-time",
				new Object[] { AS_OF.withZone(zone).format(report.asOf()) }, locale));
		model.addAttribute("periodLine", periodLine(report, locale));
		model.addAttribute("reviewLink", reviewLink(reviewMonth, filter));
		model.addAttribute("cards", Kpi.HEADLINES.stream()
			.filter(report.kpis()::containsKey)
			.map(name -> cards.card(report.kpi(name), locale))
			.toList());
		List<ChartTable> drawn = new ArrayList<>();
		drawn.add(charts.volumes(report, volumes, locale));
		drawn.add(charts.backlogTrend(report, trend, kpis.today(), locale));
		drawn.add(charts.backlogBy(report, "chart-backlog-age", "reports.chart.backlog-age", "backlog.age.",
				age -> messages.getMessage("reports.age." + age, null, age, locale), locale));
		drawn.add(charts.backlogBy(report, "chart-backlog-status", "reports.chart.backlog-status", "backlog.status.",
				status -> messages.getMessage("status." + status, null, status, locale), locale));
		drawn.add(charts.resolutionPercentiles(report, locale));
		for (VolumeDimension dimension : Charts.DIMENSIONS) {
			drawn.add(charts.byDimension(volumes, dimension, locale));
		}
		model.addAttribute("charts", drawn);
		model.addAttribute("deflection", deflection.of(filter, me));
		model.addAttribute("heatmap", Heatmap.of(volumes));
		model.addAttribute("views", views(filter, visibleGroups, technicians));
		model.addAttribute("self", ReportLinks.to("/reports", filter.toParameters()));
		return "reports/dashboard";
	}

	/**
	 * The quick switcher's links: the same filter for the whole desk, for each group, for each
	 * technician the reader may see.
	 */
	private Map<String, List<SwitchLink>> views(KpiFilter filter, List<SupportGroup> visibleGroups,
			List<User> technicians) {
		KpiFilter desk = filter.forGroup(null).forTechnician(null);
		Map<String, List<SwitchLink>> links = new LinkedHashMap<>();
		links.put("desk", List.of(new SwitchLink(null, ReportLinks.to("/reports", desk.toParameters()),
				filter.group() == null && filter.technician() == null)));
		links.put("groups", visibleGroups.stream()
			.map(group -> new SwitchLink(group.getName(),
					ReportLinks.to("/reports", desk.forGroup(group.getId()).toParameters()),
					group.getId().equals(filter.group()) && filter.technician() == null))
			.toList());
		links.put("technicians", technicians.stream()
			.map(user -> new SwitchLink(user.getFullName(),
					ReportLinks.to("/reports", desk.forTechnician(user.id().value()).toParameters()),
					user.id().value() == (filter.technician() == null ? -1 : filter.technician())
							&& filter.group() == null))
			.toList());
		return links;
	}

	/**
	 * A link of the switcher.
	 *
	 * @param name the group's or technician's name, null for the whole desk
	 * @param current whether it is the view shown
	 */
	record SwitchLink(@Nullable String name, String href, boolean current) {
	}

	/** Supervisors and administrators choose among every group; a technician among theirs. */
	private List<SupportGroup> visibleGroups(CurrentUser me) {
		List<SupportGroup> all = groups.findAllWithMembers();
		return me.has(Role.SUPERVISOR) ? all : all.stream().filter(group -> group.hasMember(me.id())).toList();
	}

	/** Supervisors and administrators choose among the whole IT team; a technician sees themselves. */
	private List<User> visibleTechnicians(CurrentUser me) {
		List<User> team = users.findByRoleInAndActiveTrue(AGENTS, Sort.by("fullName"));
		return me.has(Role.SUPERVISOR) ? team : team.stream().filter(user -> user.id().value() == me.id()).toList();
	}

	private String heading(KpiFilter filter, List<SupportGroup> visibleGroups, List<User> technicians, Locale locale) {
		if (filter.technician() != null) {
			String name = technicians.stream()
				.filter(user -> user.id().value() == filter.technician())
				.map(User::getFullName)
				.findFirst()
				.orElse("#" + filter.technician());
			return messages.getMessage("reports.heading.technician", new Object[] { name }, locale);
		}
		if (filter.group() != null) {
			String name = visibleGroups.stream()
				.filter(group -> group.getId().equals(filter.group()))
				.map(SupportGroup::getName)
				.findFirst()
				.orElse("#" + filter.group());
			return messages.getMessage("reports.heading.group", new Object[] { name }, locale);
		}
		return messages.getMessage("reports.heading", null, locale);
	}

	private String periodLine(KpiReport report, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		return messages.getMessage("reports.period-line",
				new Object[] { day.format(report.period().from()), day.format(report.period().to()),
						day.format(report.previousPeriod().from()), day.format(report.previousPeriod().to()) },
				locale);
	}

	/**
	 * The last whole month's service review of the same group, technician and other criteria (not
	 * the period: the review's is its month).
	 */
	private static String reviewLink(YearMonth month, KpiFilter filter) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("month", month.toString());
		filter.toParameters().forEach((name, value) -> {
			if (!List.of("period", "from", "to").contains(name)) {
				parameters.put(name, value);
			}
		});
		return ReportLinks.to("/reports/review", parameters);
	}

}
