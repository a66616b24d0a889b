package org.guichet.presentation.flowchart;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.guichet.directory.CurrentUser;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The lifecycle flowchart of the desk as it is configured now, drawn in a language, with or
 * without the actors' lanes; optionally with the counts of the tickets created in a period on its
 * branches (the measured lifecycle), or with the path one ticket took.
 */
@Service
public class Flowcharts {

	private final LifecycleConfigurations configurations;

	private final TicketJourneys journeys;

	private final LifecycleMeasures measures;

	private final MessageSource messages;

	Flowcharts(LifecycleConfigurations configurations, TicketJourneys journeys, LifecycleMeasures measures,
			MessageSource messages) {
		this.configurations = configurations;
		this.journeys = journeys;
		this.measures = measures;
		this.messages = messages;
	}

	/**
	 * A period of whole local days ({@code guichet.time-zone}), both ends included.
	 *
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 */
	public record Period(LocalDate from, LocalDate to) {

		public Period {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("The period ends before it starts");
			}
		}

	}

	/** The chart's graph as the configuration gives it now. */
	public Flowchart current() {
		return FlowchartBuilder.build(configurations.current());
	}

	/**
	 * The chart as an SVG document.
	 *
	 * @param locale the language of its texts (French or English; another falls back to the default bundle)
	 * @param lanes true to draw one titled band per actor (requester, N1, N2/N3, system), each shape
	 * in its actor's band and coloured by it, with a legend row
	 * @param links where the shapes link: {@link ShapeLinks#forReader} for a page, {@link ShapeLinks#NONE} for a document
	 */
	public String svg(Locale locale, boolean lanes, ShapeLinks links) {
		return svg(locale, lanes, links, null);
	}

	/**
	 * The chart as an SVG document, its branches labelled with the count and share of the tickets
	 * created in {@code period} that took them (see {@link BranchCounts#of}); same other arguments
	 * as {@link #svg(Locale, boolean, ShapeLinks)}.
	 *
	 * @param period the period, or null for the chart without counts
	 */
	public String svg(Locale locale, boolean lanes, ShapeLinks links, @Nullable Period period) {
		Flowchart chart = current();
		return svg(chart, new FlowchartTexts(messages, locale), lanes, links, counts(chart, period), null);
	}

	/** The chart as a one-page PDF, same arguments as {@link #svg(Locale, boolean, ShapeLinks, Period)}. */
	public byte[] pdf(Locale locale, boolean lanes, ShapeLinks links, @Nullable Period period) {
		Flowchart chart = current();
		FlowchartTexts texts = new FlowchartTexts(messages, locale);
		return print(chart, texts, lanes, svg(chart, texts, lanes, links, counts(chart, period), null));
	}

	/**
	 * The chart as a PNG image, same arguments as {@link #svg(Locale, boolean, ShapeLinks, Period)}.
	 *
	 * @param width the image's width in pixels ({@value FlowchartPng#MIN_WIDTH} to
	 * {@value FlowchartPng#MAX_WIDTH}), null for the drawing's own; the caller checks the range
	 */
	public byte[] png(Locale locale, boolean lanes, ShapeLinks links, @Nullable Period period,
			@Nullable Integer width) {
		return FlowchartPng.render(svg(locale, lanes, links, period), width);
	}

	/**
	 * The path a ticket took on the chart as configured now, read from its audit history.
	 *
	 * @throws NotFoundException when there is no such ticket or {@code reader} may not see it
	 */
	public TicketPath path(long ticketId, CurrentUser reader) {
		return TicketPath.of(current(), journeys.journey(new TicketId(ticketId), reader));
	}

	/**
	 * The chart with the path of a ticket highlighted, as an SVG document (without lanes).
	 *
	 * @param ticketId the ticket's id
	 * @param reader who reads it: the ticket's visibility rules apply
	 * @param locale the language of the texts
	 * @param links where the shapes link
	 * @throws NotFoundException when there is no such ticket or {@code reader} may not see it
	 */
	public String ticketSvg(long ticketId, CurrentUser reader, Locale locale, ShapeLinks links) {
		return ticketSvg(path(ticketId, reader), locale, false, links);
	}

	/**
	 * The chart as configured now with an already derived path highlighted, as an SVG document,
	 * with the actors' lanes when {@code lanes}; no visibility rule applies: the caller read the
	 * path with {@link #path}.
	 */
	public String ticketSvg(TicketPath path, Locale locale, boolean lanes, ShapeLinks links) {
		return svg(current(), new FlowchartTexts(messages, locale), lanes, links, null, path);
	}

	/** The chart with the path highlighted, as a PNG image; {@code width} as in {@link #png}. */
	public byte[] ticketPng(TicketPath path, Locale locale, boolean lanes, ShapeLinks links,
			@Nullable Integer width) {
		return FlowchartPng.render(ticketSvg(path, locale, lanes, links), width);
	}

	/** The chart with the path highlighted, as a one-page PDF, with the actors' lanes when {@code lanes}. */
	public byte[] ticketPdf(TicketPath path, Locale locale, boolean lanes, ShapeLinks links) {
		Flowchart chart = current();
		FlowchartTexts texts = new FlowchartTexts(messages, locale);
		return print(chart, texts, lanes, svg(chart, texts, lanes, links, null, path));
	}

	private @Nullable BranchCounts counts(Flowchart chart, @Nullable Period period) {
		return period == null ? null : measures.measure(chart, period.from(), period.to());
	}

	static byte[] pdf(Flowchart chart, FlowchartTexts texts, boolean lanes, ShapeLinks links) {
		return print(chart, texts, lanes, svg(chart, texts, lanes, links));
	}

	/**
	 * The chart's SVG printed as a PDF, followed by its nodes' titles as text in the order of the
	 * flow; with {@code lanes}, grouped by actor, each group after its actor's name.
	 */
	static byte[] print(Flowchart chart, FlowchartTexts texts, boolean lanes, String svg) {
		List<String> outline = lanes ? Arrays.stream(Lane.values())
			.filter(lane -> chart.nodes().stream().anyMatch(node -> node.lane() == lane))
			.map(lane -> texts.text(Label.of("flowchart.outline.lane", Label.of("flowchart.lane." + lane.name()),
					chart.nodes().stream().filter(node -> node.lane() == lane)
						.map(node -> texts.text(node.title()))
						.collect(Collectors.joining(", ")))))
			.toList() : chart.nodes().stream().map(node -> texts.text(node.title())).toList();
		return FlowchartPdf.render(svg, texts.text("flowchart.title"), outline, texts.locale());
	}

	static String svg(Flowchart chart, FlowchartTexts texts, boolean lanes, ShapeLinks links) {
		return svg(chart, texts, lanes, links, null, null);
	}

	/**
	 * Lays the chart out and draws it, with the counts of a period on its branches (when
	 * {@code counts} is not null) and a ticket's path (when {@code path} is not null).
	 */
	static String svg(Flowchart chart, FlowchartTexts texts, boolean lanes, ShapeLinks links,
			@Nullable BranchCounts counts, @Nullable TicketPath path) {
		Map<String, String> edgeNotes = new HashMap<>();
		Map<String, String> nodeNotes = new HashMap<>();
		if (counts != null) {
			counts.edges().forEach((id, count) -> {
				String note = texts.text(Label.of("flowchart.measure.branch", count, counts.percent(count)));
				if (id.startsWith(FlowchartBuilder.START + "->")) {
					// the channels' edges share their start: the count goes in the channel's box
					nodeNotes.put(id.substring(FlowchartBuilder.START.length() + 2), note);
				}
				else {
					edgeNotes.put(id, note);
				}
			});
			nodeNotes.put(FlowchartBuilder.START, texts.text(Label.of("flowchart.measure.created", counts.created(),
					counts.from().toString(), counts.to().toString())));
			nodeNotes.put(FlowchartBuilder.CLOSURE,
					texts.text(Label.of("flowchart.measure.closed", counts.closed(), counts.percent(counts.closed()))));
		}
		return FlowchartSvg.draw(FlowchartLayout.layout(chart, texts, lanes, edgeNotes, nodeNotes), texts, links,
				path);
	}

}
