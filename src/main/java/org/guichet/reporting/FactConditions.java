package org.guichet.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;

/**
 * A KPI filter's dimensions as SQL conditions on the facts {@code f} ({@code ticket_fact}), with
 * their named parameters ({@code d…}); the period is each query's own. Shared by every query of
 * the module (the KPIs, their series, the recurring incidents) so that they count the same tickets.
 *
 * @param sql {@code " and <condition>"} for each criterion set, empty when none; the same on H2
 * and PostgreSQL
 * @param params the conditions' named parameters
 * @param orderedBy when the filter narrows by exactly one dimension to one value, that dimension's
 * column ({@code f.assignee_id}…), null otherwise: a query ordered by it first (a constant among
 * its rows) reads the index that starts with it in order and can stop at its limit
 * @param oneValueEach when the filter narrows by a category with sub-categories and nothing else,
 * the same condition split into one per category of the subtree (each with {@code orderedBy}),
 * empty otherwise; see {@link #readBy()}
 */
public record FactConditions(String sql, Map<String, Object> params, @Nullable String orderedBy,
		List<FactConditions> oneValueEach) {

	/**
	 * The conditions to read the rows by, one query branch each, so that every branch reads only
	 * its dimension's rows along an index starting with the dimension's column: one per category
	 * of a subtree (H2 reads an index by a list of values on its first column only, and then
	 * reads each value's whole range, whatever the next columns' conditions), else these
	 * conditions alone.
	 */
	public List<FactConditions> readBy() {
		return oneValueEach.isEmpty() ? List.of(this) : oneValueEach;
	}

	/**
	 * The conditions of the filter's type, group, technician, category (with its sub-categories at
	 * any depth; an unknown category matches nothing), channel, priority and department.
	 */
	public static FactConditions of(KpiFilter filter, Categories categories) {
		List<String> where = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.type() != null) {
			where.add("f.type = :dType");
			columns.add("f.type");
			params.put("dType", filter.type().name());
		}
		if (filter.group() != null) {
			where.add("f.group_id = :dGroup");
			columns.add("f.group_id");
			params.put("dGroup", filter.group());
		}
		if (filter.technician() != null) {
			where.add("f.assignee_id = :dTechnician");
			columns.add("f.assignee_id");
			params.put("dTechnician", filter.technician());
		}
		Set<Long> severalCategories = Set.of();
		if (filter.category() != null) {
			Set<Long> subtree = categories.subtree(filter.category());
			if (subtree.isEmpty()) {
				where.add("1 = 0");
			}
			else if (subtree.size() == 1) {
				where.add("f.category_id = :dCategory");
				params.put("dCategory", subtree.iterator().next());
				columns.add("f.category_id");
			}
			else {
				severalCategories = subtree;
				where.add("f.category_id in (:dCategories)");
				params.put("dCategories", subtree);
			}
		}
		if (filter.channel() != null) {
			where.add("f.channel = :dChannel");
			columns.add("f.channel");
			params.put("dChannel", filter.channel().name());
		}
		if (filter.priority() != null) {
			where.add("f.priority = :dPriority");
			columns.add("f.priority");
			params.put("dPriority", filter.priority().name());
		}
		if (filter.department() != null) {
			where.add("f.department = :dDepartment");
			columns.add("f.department");
			params.put("dDepartment", filter.department());
		}
		List<FactConditions> oneValueEach = where.size() == 1 && !severalCategories.isEmpty()
				? severalCategories.stream().sorted()
					.map(id -> new FactConditions(" and f.category_id = " + id, Map.of(), "f.category_id", List.of()))
					.toList()
				: List.of();
		return new FactConditions(where.stream().map(condition -> " and " + condition).reduce("", String::concat),
				Map.copyOf(params), columns.size() == 1 && severalCategories.isEmpty() ? columns.get(0) : null,
				oneValueEach);
	}

}
