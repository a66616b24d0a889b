package org.guichet.presentation.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.presentation.about.AboutDocuments;
import org.guichet.presentation.examples.Example;
import org.guichet.presentation.examples.ExampleTickets;
import org.guichet.presentation.flowchart.Flowcharts;
import org.guichet.presentation.flowchart.ShapeLinks;
import org.guichet.presentation.pack.PackDossiers.PackDossier;
import org.guichet.presentation.pages.AuthorPage;
import org.guichet.presentation.pages.AuthorPages;
import org.guichet.presentation.reference.ReferencePages;
import org.guichet.reporting.DateRange;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.Kpis;
import org.guichet.system.HtmlPdf;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.guichet.tickets.TicketId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Draws up the presentation pack for supervisors and administrators: a home page presenting the
 * desk, the author's pages, the tool page, the reference, the lifecycle flowchart (and the one
 * measured over the period), the KPIs of the period and the chosen examples with their dossiers.
 * As a ZIP, a static site that works offline ({@link OfflineSite}); as a PDF, the same pages one
 * after the other in one document printed by {@link HtmlPdf}. Every part is drawn up before
 * anything is written, so that a refusal is an answer, not a broken file.
 */
@Service
public class PresentationPack {

	/** The folder the site's files are in, inside the ZIP. */
	static final String FOLDER = "presentation";

	static final String HOME = "index.html";

	static final String FLOWCHART_SVG = "flowchart.svg";

	private final AuthorPages pages;

	private final AboutDocuments about;

	private final ReferencePages reference;

	private final Flowcharts flowcharts;

	private final ExampleTickets examples;

	private final PackDossiers dossiers;

	private final Kpis kpis;

	private final PackKpis kpiRows;

	private final RichText richText;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	PresentationPack(AuthorPages pages, AboutDocuments about, ReferencePages reference, Flowcharts flowcharts,
			ExampleTickets examples, PackDossiers dossiers, Kpis kpis, PackKpis kpiRows, RichText richText,
			ITemplateEngine templates, MessageSource messages, Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.pages = pages;
		this.about = about;
		this.reference = reference;
		this.flowcharts = flowcharts;
		this.examples = examples;
		this.dossiers = dossiers;
		this.kpis = kpis;
		this.kpiRows = kpiRows;
		this.richText = richText;
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** The pack drawn up, ready to be written as a ZIP or a PDF. */
	public static final class Drawn {

		private final List<PackSection> sections;

		private final Map<String, byte[]> files;

		private final Locale locale;

		private final ITemplateEngine templates;

		private final String title;

		private Drawn(List<PackSection> sections, Map<String, byte[]> files, Locale locale, ITemplateEngine templates,
				String title) {
			this.sections = List.copyOf(sections);
			this.files = Map.copyOf(files);
			this.locale = locale;
			this.templates = templates;
			this.title = title;
		}

		/** The pages in the order of the navigation. */
		List<PackSection> sections() {
			return sections;
		}

		/** Each page's file name and its whole HTML document, as the ZIP holds them. */
		Map<String, String> pages() {
			Set<String> names = OfflineSite.files(sections, files.keySet());
			Map<String, String> site = new LinkedHashMap<>();
			for (PackSection section : sections) {
				Context context = new Context(locale);
				context.setVariable("title", title);
				context.setVariable("sections", sections);
				context.setVariable("current", section);
				context.setVariable("body", OfflineSite.offline(section.body(), names, href -> href));
				site.put(section.file(), templates.process("presentation/pack-page", context));
			}
			return site;
		}

		/** Writes the site as a ZIP whose files are under {@value PresentationPack#FOLDER}/. */
		public void zip(OutputStream out) throws IOException {
			OfflineSite.zip(FOLDER, pages(), files, out);
		}

		/** The pack as one HTML document, each page a chapter, links between pages as anchors. */
		String document() {
			Set<String> names = OfflineSite.files(sections, files.keySet());
			List<PackSection> chapters = new ArrayList<>();
			for (PackSection section : sections) {
				chapters.add(new PackSection(section.file(), section.title(), section.styles(),
						OfflineSite.offline(section.body(), names, PresentationPack::anchorOf)));
			}
			Context context = new Context(locale);
			context.setVariable("title", title);
			context.setVariable("sections", chapters);
			return templates.process("presentation/pack-document", context);
		}

		/** The pack as one PDF. */
		public byte[] pdf() {
			return HtmlPdf.render(document());
		}

	}

	/** A link to a page of the site as an anchor of the PDF: {@code dossier-12.html} → {@code #dossier-12}. */
	static String anchorOf(String href) {
		String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
		return "#" + (file.endsWith(".html") ? file.substring(0, file.length() - 5) : file);
	}

	/**
	 * Draws up the pack.
	 *
	 * @throws NotFoundException when the reader is neither a supervisor nor an administrator, or may
	 *     not see a chosen example
	 * @throws InvalidInputException (field {@code examples}) when a chosen ticket is
	 *     not an example
	 */
	Drawn draw(PackRequest request, CurrentUser reader) {
		if (!reader.has(Role.SUPERVISOR) && !reader.has(Role.ADMINISTRATOR)) {
			throw new NotFoundException("pack.not-found", "The presentation pack is for supervisors and administrators");
		}
		Locale locale = request.locale();
		List<Example> examples = chosenExamples(request.examples(), reader);
		PackDossiers.Drawn drawn = dossiers.of(examples.stream().map(Example::ticketId).toList(), request.anonymize(),
				locale, reader);
		UnaryOperator<String> text = drawn.text();
		List<Example> chosen = examples.stream()
			.map(e -> new Example(e.ticketId(), e.title() == null ? null : text.apply(e.title()), text.apply(e.reason()),
					e.kind(), e.markedById(), text.apply(e.markedByName()), e.markedAt()))
			.toList();
		List<PackSection> sections = new ArrayList<>();
		List<PackPage> authored = new ArrayList<>();
		for (AuthorPage page : pages.list(reader)) {
			// a slug is made from the title: an anonymised pack names its files by their place
			authored.add(new PackPage(drawn.anonymised() ? String.valueOf(authored.size() + 1) : page.getSlug(),
					text.apply(page.getTitle()), text.apply(page.getBody())));
		}
		String title = message("pack.site.title", locale);
		Map<String, Object> shared = new LinkedHashMap<>();
		shared.put("period", request.period());
		shared.put("periodText", periodText(request, locale));
		shared.put("generatedAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale).withZone(zone).format(clock.instant()));
		shared.put("authored", authored);
		shared.put("examples", chosen);
		sections.add(new PackSection(HOME, message("pack.home", locale), "", part("home", locale, shared)));
		for (PackPage page : authored) {
			Map<String, Object> variables = new LinkedHashMap<>(shared);
			variables.put("page", page);
			variables.put("html", richText.html(page.body(), ImageSource.NONE));
			sections.add(new PackSection("page-" + page.slug() + ".html", page.title(), "",
					part("page", locale, variables)));
		}
		Document tool = Jsoup.parse(about.html(locale));
		sections.add(new PackSection("about.html", message("about.page.title", locale), styles(tool),
				tool.body().html()));
		Map<String, Object> referenceVariables = new LinkedHashMap<>(shared);
		referenceVariables.put("reference", reference.current());
		Document referenceDocument = Jsoup.parse(templates.process("presentation/reference-document",
				new Context(locale, referenceVariables)));
		sections.add(new PackSection("reference.html", message("reference.title", locale), styles(referenceDocument),
				part("reference", locale, referenceVariables)));
		String chart = flowcharts.svg(locale, true, ShapeLinks.NONE);
		String measured = flowcharts.svg(locale, false, ShapeLinks.NONE, request.period());
		Map<String, Object> chartVariables = new LinkedHashMap<>(shared);
		chartVariables.put("chart", OfflineSite.svgWithoutLinks(chart));
		chartVariables.put("measured", OfflineSite.svgWithoutLinks(measured));
		sections.add(new PackSection("flowchart.html", message("flowchart.title", locale), FLOWCHART_STYLES,
				part("flowchart", locale, chartVariables)));
		KpiReport report = kpis.report(KpiFilter.of(new DateRange(request.period().from(), request.period().to())),
				reader);
		Map<String, Object> kpiVariables = new LinkedHashMap<>(shared);
		kpiVariables.put("kpis", kpiRows.rows(report, locale));
		sections.add(new PackSection("kpis.html", message("pack.kpis", locale), "", part("kpis", locale, kpiVariables)));
		sections.add(new PackSection("examples.html", message("pack.examples", locale), "",
				part("examples", locale, shared)));
		for (PackDossier dossier : drawn.dossiers()) {
			Document document = Jsoup.parse(dossier.html());
			sections.add(new PackSection("dossier-" + dossier.ticketId() + ".html",
					document.title(), styles(document), document.body().html()));
		}
		return new Drawn(sections, Map.of(FLOWCHART_SVG, OfflineSite.svgWithoutLinks(chart)
			.getBytes(StandardCharsets.UTF_8)), locale, templates, title);
	}

	/** An author's page as the pack shows it: its file's slug, its title and its Markdown body. */
	record PackPage(String slug, String title, String body) {
	}

	/** The flowchart's figures scale to the page's width. */
	private static final String FLOWCHART_STYLES = ".pack-chart svg { width: 100%; height: auto; max-height: 240mm; }";

	private List<Example> chosenExamples(List<Long> ids, CurrentUser reader) {
		if (ids.isEmpty()) {
			return examples.page(0, PackRequest.MAX_EXAMPLES, reader)
				.items()
				.stream()
				.filter(Example::visible)
				.toList();
		}
		List<Example> chosen = new ArrayList<>(ids.size());
		for (long id : ids) {
			chosen.add(examples.of(new TicketId(id), reader)
				.orElseThrow(() -> new InvalidInputException("examples", "pack.examples.not-example",
						"examples: #" + id + " is not an example ticket; mark it as one first, or leave it out", String.valueOf(id))));
		}
		return chosen;
	}

	private String part(String fragment, Locale locale, Map<String, Object> variables) {
		return templates.process("presentation/pack-parts", Set.of(fragment), new Context(locale, variables)).strip();
	}

	private static String styles(Document document) {
		StringBuilder styles = new StringBuilder();
		for (Element style : document.select("style")) {
			styles.append(style.data()).append('\n');
		}
		return styles.toString();
	}

	private String periodText(PackRequest request, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		return messages.getMessage("pack.period",
				new Object[] { dates.format(request.period().from()), dates.format(request.period().to()) }, locale);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
