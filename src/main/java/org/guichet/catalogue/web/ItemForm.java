package org.guichet.catalogue.web;

import java.util.ArrayList;
import java.util.List;

import org.guichet.catalogue.CatalogueItem;
import org.guichet.catalogue.ItemDescription;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/** A catalogue item as the administrators' page sends it: tasks and departments one per line. */
public class ItemForm {

	private @Nullable Long sectionId;

	private String labelFr = "";

	private String labelEn = "";

	private String descriptionFr = "";

	private String descriptionEn = "";

	private String icon = "box";

	private TicketType ticketType = TicketType.SERVICE_REQUEST;

	private @Nullable Long categoryId;

	private @Nullable Long groupId;

	private String titleTemplate = "";

	private String tasks = "";

	private String departments = "";

	private List<Long> groups = new ArrayList<>();

	private boolean active = true;

	private @Nullable Long version;

	static ItemForm of(CatalogueItem item) {
		ItemForm form = new ItemForm();
		form.version = item.getVersion();
		ItemDescription d = item.description();
		form.sectionId = item.getSection().getId();
		form.labelFr = d.labelFr();
		form.labelEn = d.labelEn();
		form.descriptionFr = String.valueOf(d.descriptionFr());
		form.descriptionEn = String.valueOf(d.descriptionEn());
		form.icon = d.icon();
		form.ticketType = d.ticketType();
		form.categoryId = d.categoryId();
		form.groupId = d.groupId();
		form.titleTemplate = d.titleTemplate();
		form.tasks = String.join("\n", d.tasks());
		form.departments = String.join("\n", item.getDepartments());
		form.groups = new ArrayList<>(item.getGroups());
		form.active = item.isActive();
		return form;
	}

	ItemDescription description() {
		return new ItemDescription(labelFr, labelEn, descriptionFr, descriptionEn, icon, ticketType, categoryId, groupId,
				titleTemplate, lines(tasks));
	}

	List<String> departmentList() {
		return lines(departments);
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	public @Nullable Long getSectionId() {
		return sectionId;
	}

	public void setSectionId(@Nullable Long sectionId) {
		this.sectionId = sectionId;
	}

	public String getLabelFr() {
		return labelFr;
	}

	public void setLabelFr(String labelFr) {
		this.labelFr = labelFr;
	}

	public String getLabelEn() {
		return labelEn;
	}

	public void setLabelEn(String labelEn) {
		this.labelEn = labelEn;
	}

	public String getDescriptionFr() {
		return descriptionFr;
	}

	public void setDescriptionFr(String descriptionFr) {
		this.descriptionFr = descriptionFr;
	}

	public String getDescriptionEn() {
		return descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public String getIcon() {
		return icon;
	}

	public void setIcon(String icon) {
		this.icon = icon;
	}

	public TicketType getTicketType() {
		return ticketType;
	}

	public void setTicketType(TicketType ticketType) {
		this.ticketType = ticketType;
	}

	public @Nullable Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(@Nullable Long categoryId) {
		this.categoryId = categoryId;
	}

	public @Nullable Long getGroupId() {
		return groupId;
	}

	public void setGroupId(@Nullable Long groupId) {
		this.groupId = groupId;
	}

	public String getTitleTemplate() {
		return titleTemplate;
	}

	public void setTitleTemplate(String titleTemplate) {
		this.titleTemplate = titleTemplate;
	}

	public String getTasks() {
		return tasks;
	}

	public void setTasks(String tasks) {
		this.tasks = tasks;
	}

	public String getDepartments() {
		return departments;
	}

	public void setDepartments(String departments) {
		this.departments = departments;
	}

	public List<Long> getGroups() {
		return groups;
	}

	public void setGroups(List<Long> groups) {
		this.groups = groups;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	/** The item's version the editor was opened with; null for a new item. */
	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
