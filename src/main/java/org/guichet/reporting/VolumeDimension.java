package org.guichet.reporting;

/**
 * What tickets created in a period are counted by, with the ticket-list parameter (DESIGN9 §2)
 * that selects one value.
 */
public enum VolumeDimension {

	CHANNEL("channel"), CATEGORY("categoryId"), TYPE("type"), GROUP("groupId"), TECHNICIAN("assigneeId"),
	PRIORITY("priority");

	private final String parameter;

	VolumeDimension(String parameter) {
		this.parameter = parameter;
	}

	/** The ticket-list parameter of this dimension. */
	public String parameter() {
		return parameter;
	}

}
