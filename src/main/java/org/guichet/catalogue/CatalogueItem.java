package org.guichet.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.guichet.system.InputChecks;
import org.guichet.system.InvalidInputException;
import org.guichet.system.OneLine;
import org.guichet.text.Titles;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * An item of the catalogue: what people may ask for, who may ask, and the ticket it produces. Its
 * form lives in {@link FormVersion}s.
 */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {

	/** The most tasks an item creates with its ticket. */
	public static final int TASKS_MAX = 20;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9-]{0,39})}");

	/** An optional part of a title template: left out when one of the answers it names is missing. */
	private static final Pattern OPTIONAL_PART = Pattern.compile("\\[([^\\[\\]]*)]");

	private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,40}");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "section_id")
	private CatalogueSection section;

	@Column(name = "label_fr")
	private String labelFr;

	@Column(name = "label_en")
	private String labelEn;

	@Column(name = "description_fr")
	private String descriptionFr;

	@Column(name = "description_en")
	private String descriptionEn;

	private String icon;

	@Enumerated(EnumType.STRING)
	@Column(name = "ticket_type")
	private TicketType ticketType;

	@Column(name = "category_id")
	private @Nullable Long categoryId;

	@Column(name = "group_id")
	private @Nullable Long groupId;

	@Column(name = "title_template")
	private String titleTemplate;

	private int position;

	private boolean active;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "catalogue_item_department", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "department")
	private Set<String> departments = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "catalogue_item_group", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "group_id")
	private Set<Long> groups = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "catalogue_item_task", joinColumns = @JoinColumn(name = "item_id"))
	@OrderColumn(name = "position")
	@Column(name = "title")
	private List<String> tasks = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "catalogue_item_approval_step", joinColumns = @JoinColumn(name = "item_id"))
	@OrderColumn(name = "position")
	private List<ItemApprovalStep> approvalSteps = new ArrayList<>();

	@Version
	private long version;

	protected CatalogueItem() {
		this.id = 0L;
		this.section = new CatalogueSection();
		this.labelFr = "";
		this.labelEn = "";
		this.descriptionFr = "";
		this.descriptionEn = "";
		this.icon = "";
		this.ticketType = TicketType.SERVICE_REQUEST;
		this.titleTemplate = "";
	}

	/**
	 * A new item, active, asked for by everyone until {@link #restrictTo} says otherwise.
	 *
	 * @throws InvalidInputException as {@link #describe}
	 */
	public CatalogueItem(CatalogueSection section, ItemDescription description, int position) {
		this.id = null;
		this.section = section;
		this.position = position;
		this.active = true;
		this.labelFr = "";
		this.labelEn = "";
		this.descriptionFr = "";
		this.descriptionEn = "";
		this.icon = "";
		this.ticketType = TicketType.SERVICE_REQUEST;
		this.titleTemplate = "";
		describe(description);
	}

	/**
	 * Sets what the item is and what it produces.
	 *
	 * @throws InvalidInputException naming every wrong property at once: labels (one line of 1–200
	 *         characters, else {@code field.one-line}), descriptions (at most 2,000), icon (a
	 *         Bootstrap Icons name without {@code bi-}), title template (one line of 1–200 characters,
	 *         placeholders {@code {key}}), tasks (at most {@link #TASKS_MAX}, each one line of 1–200
	 *         characters)
	 */
	public void describe(ItemDescription d) {
		InputChecks checks = new InputChecks();
		checks.check(() -> checkedLabel("labelFr", d.labelFr(), 200));
		checks.check(() -> checkedLabel("labelEn", d.labelEn(), 200));
		checks.check(() -> checkedText("descriptionFr", d.descriptionFr(), 2000));
		checks.check(() -> checkedText("descriptionEn", d.descriptionEn(), 2000));
		checks.check(() -> {
			if (d.icon() == null || !ICON.matcher(d.icon()).matches()) {
				throw new InvalidInputException("icon", "catalogue.item.icon",
						"An icon is a Bootstrap Icons name, e.g. laptop", String.valueOf(d.icon()));
			}
		});
		checks.check(() -> checkOptionalParts(checkedLabel("titleTemplate", d.titleTemplate(), Ticket.TITLE_MAX)));
		checks.check(() -> {
			if (d.ticketType() == null) {
				throw new InvalidInputException("ticketType", "field.required", "Choose the ticket type");
			}
		});
		checks.check(() -> {
			if (d.tasks().size() > TASKS_MAX) {
				throw new InvalidInputException("tasks", "catalogue.item.too-many-tasks",
						"At most " + TASKS_MAX + " tasks", TASKS_MAX);
			}
			d.tasks().forEach(task -> checkedLabel("tasks", task, 200));
		});
		checks.refuseIfAny();
		this.labelFr = d.labelFr().strip();
		this.labelEn = d.labelEn().strip();
		this.descriptionFr = d.descriptionFr() == null ? "" : d.descriptionFr().strip();
		this.descriptionEn = d.descriptionEn() == null ? "" : d.descriptionEn().strip();
		this.icon = d.icon();
		this.ticketType = d.ticketType();
		this.categoryId = d.categoryId();
		this.groupId = d.groupId();
		this.titleTemplate = d.titleTemplate().strip();
		this.tasks.clear();
		d.tasks().stream().map(String::strip).forEach(this.tasks::add);
	}

	/** Who may ask for it: everyone when both are empty. Departments are compared ignoring case. */
	public void restrictTo(Collection<String> departments, Collection<Long> groups) {
		this.departments.clear();
		departments.stream().map(String::strip).filter(d -> !d.isEmpty()).forEach(this.departments::add);
		this.groups.clear();
		this.groups.addAll(groups);
	}

	/**
	 * Whether someone of this department and these groups may ask for the item (whether it is
	 * active is not asked here).
	 */
	public boolean mayBeRequestedBy(@Nullable String department, Collection<Long> memberOf) {
		if (departments.isEmpty() && groups.isEmpty()) {
			return true;
		}
		return (department != null && departments.stream().anyMatch(d -> d.equalsIgnoreCase(department.strip())))
				|| memberOf.stream().anyMatch(groups::contains);
	}

	/** The answer keys the title template names as {@code {key}}, in the order they appear, each once. */
	public Set<String> titleKeys() {
		Set<String> keys = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(titleTemplate);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	/**
	 * The ticket's title: the template with each {@code {key}} replaced by that answer as
	 * {@code shown} writes it (an unknown or unanswered key by nothing) and each optional part
	 * {@code [...]} left out when one of its keys has no answer (kept without its brackets
	 * otherwise), on one line ({@link Titles#oneLine}: a long text's line breaks become a space),
	 * cut to the longest title; the item's label when nothing is left.
	 *
	 * @param shown an answer as the title shows it, by field key; empty or blank for no answer
	 */
	public String title(Function<String, String> shown, Locale language) {
		Matcher part = OPTIONAL_PART.matcher(titleTemplate);
		StringBuilder title = new StringBuilder();
		int from = 0;
		while (part.find()) {
			title.append(filled(titleTemplate.substring(from, part.start()), shown));
			Matcher key = PLACEHOLDER.matcher(part.group(1));
			boolean answered = true;
			while (key.find()) {
				answered &= !shown.apply(key.group(1)).isBlank();
			}
			if (answered) {
				title.append(filled(part.group(1), shown));
			}
			from = part.end();
		}
		title.append(filled(titleTemplate.substring(from), shown));
		String text = Titles.oneLine(title);
		if (text.isEmpty()) {
			text = label(language);
		}
		return text.length() > Ticket.TITLE_MAX ? text.substring(0, Ticket.TITLE_MAX - 1).strip() + "…" : text;
	}

	private static String filled(String template, Function<String, String> shown) {
		return PLACEHOLDER.matcher(template).replaceAll(key -> Matcher.quoteReplacement(shown.apply(key.group(1))));
	}

	/**
	 * Refuses a template whose brackets do not pair: every {@code [} closed by a {@code ]} before
	 * the next {@code [}, so that no optional part is inside another.
	 *
	 * @return the template
	 */
	private static String checkOptionalParts(String template) {
		int depth = 0;
		for (char c : template.toCharArray()) {
			depth += c == '[' ? 1 : c == ']' ? -1 : 0;
			if (depth < 0 || depth > 1) {
				break;
			}
		}
		if (depth != 0) {
			throw new InvalidInputException("titleTemplate", "catalogue.item.title-brackets",
					"Each optional part of the title opens with [ and closes with ], never one inside another");
		}
		return template;
	}

	/**
	 * A label, a title or a task of the catalogue: one line ({@link OneLine}) of 1 to {@code longest}
	 * characters, stripped.
	 */
	static String checkedLabel(String field, @Nullable String value, int longest) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "field.required", "This field is required: fill it in.");
		}
		OneLine.Check.check(field, value);
		return checkedText(field, value, longest);
	}

	private static String checkedText(String field, @Nullable String value, int longest) {
		if (value != null && value.strip().length() > longest) {
			throw new InvalidInputException(field, "field.too-long", "Too long", longest);
		}
		return value == null ? "" : value.strip();
	}

	public long getId() {
		return id;
	}

	public CatalogueSection getSection() {
		return section;
	}

	public void moveTo(CatalogueSection section, int position) {
		this.section = section;
		this.position = position;
	}

	public String label(Locale reader) {
		return french(reader) ? labelFr : labelEn;
	}

	public String description(Locale reader) {
		return french(reader) ? descriptionFr : descriptionEn;
	}

	/** What the administrators' form shows and sends back. */
	public ItemDescription description() {
		return new ItemDescription(labelFr, labelEn, descriptionFr, descriptionEn, icon, ticketType, categoryId, groupId,
				titleTemplate, List.copyOf(tasks));
	}

	public String getIcon() {
		return icon;
	}

	public TicketType getTicketType() {
		return ticketType;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public String getTitleTemplate() {
		return titleTemplate;
	}

	public List<String> getTasks() {
		return List.copyOf(tasks);
	}

	/** The approval steps a request of this item waits for, in order; empty when it needs none. */
	public List<ItemApprovalStep> getApprovalSteps() {
		return List.copyOf(approvalSteps);
	}

	/** Replaces the approval steps a request waits for, in order; none to start work at once. */
	public void requireApproval(List<ItemApprovalStep> steps) {
		approvalSteps.clear();
		approvalSteps.addAll(steps);
	}

	public Set<String> getDepartments() {
		return Set.copyOf(departments);
	}

	public Set<Long> getGroups() {
		return Set.copyOf(groups);
	}

	public int getPosition() {
		return position;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return version;
	}

	private static boolean french(Locale reader) {
		return "fr".equals(reader.getLanguage());
	}

}
