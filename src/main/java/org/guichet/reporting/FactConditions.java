package org.guichet.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.tickets.Categories;

/**
 * A KPI filter's dimensions as SQL conditions on the facts {@code f} ({@code ticket_fact}), with
 * their named parameters ({@code d…}); the period is each query's own. Shared by every query of
 * the module (the KPIs, their series, the recurring incidents) so that they count the same tickets.
 *
 * @param sql {@code " and <condition>"} for each criterion set, empty when none; the same on H2
 * and PostgreSQL
 * @param params the conditions' named parameters
 */
public record FactConditions(String sql, Map<String, Object> params) {

	/**
	 * The conditions of the filter's type, group, technician, category (with its sub-categories at
	 * any depth; an unknown category matches nothing), channel, priority and department.
	 */
	public static FactConditions of(KpiFilter filter, Categories categories) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.type() != null) {
			where.add("f.type = :dType");
			params.put("dType", filter.type().name());
		}
		if (filter.group() != null) {
			where.add("f.group_id = :dGroup");
			params.put("dGroup", filter.group());
		}
		if (filter.technician() != null) {
			where.add("f.assignee_id = :dTechnician");
			params.put("dTechnician", filter.technician());
		}
		if (filter.category() != null) {
			Set<Long> subtree = categories.subtree(filter.category());
			if (subtree.isEmpty()) {
				where.add("1 = 0");
			}
			else {
				where.add("f.category_id in (:dCategories)");
				params.put("dCategories", subtree);
			}
		}
		if (filter.channel() != null) {
			where.add("f.channel = :dChannel");
			params.put("dChannel", filter.channel().name());
		}
		if (filter.priority() != null) {
			where.add("f.priority = :dPriority");
			params.put("dPriority", filter.priority().name());
		}
		if (filter.department() != null) {
			where.add("f.department = :dDepartment");
			params.put("dDepartment", filter.department());
		}
		return new FactConditions(where.stream().map(condition -> " and " + condition).reduce("", String::concat),
				Map.copyOf(params));
	}

}
