package org.guichet.tickets.queues;

import org.springframework.data.jpa.repository.JpaRepository;

interface ListColumnsRepository extends JpaRepository<ListColumns, Long> {

}
