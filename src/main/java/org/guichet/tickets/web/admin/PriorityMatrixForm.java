package org.guichet.tickets.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.tickets.Impact;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.Urgency;

/**
 * The 5x5 grid of the priority matrix as a form: one field per cell, named
 * {@code cells[URGENCY-IMPACT]}.
 */
class PriorityMatrixForm {

	private Map<String, Priority> cells = new LinkedHashMap<>();

	static PriorityMatrixForm of(PriorityMatrix matrix) {
		PriorityMatrixForm form = new PriorityMatrixForm();
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				form.cells.put(key(urgency, impact), matrix.cell(urgency, impact));
			}
		}
		return form;
	}

	public static String key(Urgency urgency, Impact impact) {
		return urgency.name() + "-" + impact.name();
	}

	/**
	 * @throws org.guichet.system.InvalidInputException when a cell was not sent ({@link PriorityMatrix#of})
	 */
	PriorityMatrix toMatrix() {
		return PriorityMatrix.of((urgency, impact) -> cells.get(key(urgency, impact)));
	}

	public Map<String, Priority> getCells() {
		return cells;
	}

	public void setCells(Map<String, Priority> cells) {
		this.cells = cells;
	}

}
