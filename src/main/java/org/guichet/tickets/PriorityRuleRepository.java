package org.guichet.tickets;

import org.springframework.data.jpa.repository.JpaRepository;

interface PriorityRuleRepository extends JpaRepository<PriorityRule, PriorityRule.Cell> {

}
