package org.guichet.tickets;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Derives a ticket's priority from its urgency and impact. The administrator edits the cells;
 * a VIP requester raises the result one level.
 */
public final class PriorityMatrix {

	private final Map<Urgency, Map<Impact, Priority>> cells;

	private PriorityMatrix(Map<Urgency, Map<Impact, Priority>> cells) {
		this.cells = cells;
	}

	/** The matrix a new installation starts with. */
	public static PriorityMatrix standard() {
		Priority[][] grid = {
				// impact: VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH
				{ Priority.VERY_LOW, Priority.VERY_LOW, Priority.LOW, Priority.MEDIUM, Priority.MEDIUM }, // urgency VERY_LOW
				{ Priority.VERY_LOW, Priority.LOW, Priority.LOW, Priority.MEDIUM, Priority.HIGH }, // LOW
				{ Priority.LOW, Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.VERY_HIGH }, // MEDIUM
				{ Priority.MEDIUM, Priority.MEDIUM, Priority.HIGH, Priority.HIGH, Priority.VERY_HIGH }, // HIGH
				{ Priority.MEDIUM, Priority.HIGH, Priority.VERY_HIGH, Priority.VERY_HIGH, Priority.MAJOR } }; // VERY_HIGH
		Builder builder = builder();
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				builder.set(urgency, impact, grid[urgency.ordinal()][impact.ordinal()]);
			}
		}
		return builder.build();
	}

	/**
	 * The matrix an administrator sets, every cell given, on the settings page or through the API.
	 *
	 * @param cells the priority of each urgency and impact; null when not given
	 * @throws InvalidInputException on {@code cells} ({@code admin.settings.matrix.incomplete})
	 *         when a cell has no priority, naming the first one missing
	 */
	public static PriorityMatrix of(BiFunction<Urgency, Impact, @Nullable Priority> cells) {
		Builder builder = builder();
		for (Urgency urgency : Urgency.values()) {
			for (Impact impact : Impact.values()) {
				Priority priority = cells.apply(urgency, impact);
				if (priority == null) {
					throw new InvalidInputException("cells", "admin.settings.matrix.incomplete",
							"Every cell of the matrix needs a priority: " + urgency + " x " + impact + " has none",
							urgency, impact);
				}
				builder.set(urgency, impact, priority);
			}
		}
		return builder.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Priority priorityOf(Urgency urgency, Impact impact, boolean vipRequester) {
		Priority priority = cell(urgency, impact);
		return vipRequester ? priority.raised() : priority;
	}

	public Priority cell(Urgency urgency, Impact impact) {
		return cells.get(urgency).get(impact);
	}

	public static final class Builder {

		private final Map<Urgency, Map<Impact, Priority>> cells = new EnumMap<>(Urgency.class);

		public Builder set(Urgency urgency, Impact impact, Priority priority) {
			cells.computeIfAbsent(urgency, u -> new EnumMap<>(Impact.class)).put(impact, priority);
			return this;
		}

		/**
		 * @throws IllegalStateException when a cell is missing
		 */
		public PriorityMatrix build() {
			Map<Urgency, Map<Impact, Priority>> copy = new EnumMap<>(Urgency.class);
			for (Urgency urgency : Urgency.values()) {
				Map<Impact, Priority> row = cells.get(urgency);
				if (row == null || row.size() != Impact.values().length) {
					throw new IllegalStateException("The priority matrix has no value for urgency " + urgency);
				}
				copy.put(urgency, new EnumMap<>(row));
			}
			return new PriorityMatrix(copy);
		}

	}

}
