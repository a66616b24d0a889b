package org.guichet.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The categories each technician is skilled in: plain pairs, read and replaced as a set.
 */
@Repository
class Skills {

	private final JdbcClient jdbc;

	Skills(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Long> of(long userId) {
		return jdbc.sql("select category_id from technician_skill where user_id = ? order by category_id")
			.param(userId)
			.query(Long.class)
			.list();
	}

	Map<Long, Set<Long>> of(Collection<Long> userIds) {
		Map<Long, Set<Long>> skills = new HashMap<>();
		if (userIds.isEmpty()) {
			return skills;
		}
		jdbc.sql("select user_id, category_id from technician_skill where user_id in (:ids)")
			.param("ids", userIds)
			.query((rs, row) -> skills.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getLong(2)))
			.list();
		return skills;
	}

	void replace(long userId, Collection<Long> categoryIds) {
		jdbc.sql("delete from technician_skill where user_id = ?").param(userId).update();
		for (Long categoryId : Set.copyOf(categoryIds)) {
			jdbc.sql("insert into technician_skill (user_id, category_id) values (?, ?)")
				.params(userId, categoryId)
				.update();
		}
	}

}
