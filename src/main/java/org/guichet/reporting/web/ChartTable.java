package org.guichet.reporting.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chart of the dashboard and its accessible alternative in one: the table the page shows
 * (folded) under the canvas, which {@code reports.js} also reads to draw the chart.
 *
 * @param id the figure's id in the page
 * @param title the chart's title, written
 * @param kind Chart.js type: {@code bar}, {@code line} or {@code doughnut}
 * @param horizontal bars drawn along the x axis (long labels: categories, groups, technicians)
 * @param unit what follows a number in the chart's tooltips ({@code  h}, {@code  %}), may be empty
 * @param labelHeading the heading of the first column (what the rows are)
 * @param series the headings of the other columns, one series each
 * @param rows one per point, in order
 */
record ChartTable(String id, String title, String kind, boolean horizontal, String unit, String labelHeading,
		List<String> series, List<Row> rows) {

	/**
	 * @param label what the point is (a day, a channel…), written
	 * @param cells one per series
	 */
	record Row(String label, List<Cell> cells) {
	}

	/**
	 * @param value the number plotted
	 * @param text the number written for the table
	 * @param link the agent's list of the tickets behind it, null when no list shows exactly them
	 */
	record Cell(double value, String text, @Nullable String link) {
	}

	/** The height of a chart of horizontal bars, in rem: room for each bar, 16 at least. */
	public double height() {
		return Math.max(16, rows.size() * 1.75 + 3);
	}

	public boolean isEmpty() {
		return rows.isEmpty();
	}

}
