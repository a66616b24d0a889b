package org.guichet.sla;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Package-private, as the stamp it reads: its proxy lives in this package and may create it. */
interface PolicyStamps extends Repository<SlaPolicy, Long> {

	@Query("select new org.guichet.sla.OrderedPolicies$PolicyStamp(count(p), coalesce(sum(p.version), 0L), coalesce(max(p.id), 0L)) from SlaPolicy p")
	OrderedPolicies.PolicyStamp current();

}
