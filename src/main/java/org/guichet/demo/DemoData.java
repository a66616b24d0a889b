package org.guichet.demo;

import java.util.List;
import java.util.Random;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo organisation on the first start of the {@code demo} profile, when the database
 * has no user yet. The same seed gives the same organisation and tickets on every machine.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "guichet.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	static final long SEED = 20261128L;

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final UserRepository users;

	private final DemoOrganisation organisation;

	private final DemoTickets tickets;

	private final DemoServiceLevels serviceLevels;

	private final DemoRouting routing;

	DemoData(UserRepository users, DemoOrganisation organisation, DemoTickets tickets,
			DemoServiceLevels serviceLevels, DemoRouting routing) {
		this.users = users;
		this.organisation = organisation;
		this.tickets = tickets;
		this.serviceLevels = serviceLevels;
		this.routing = routing;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (users.count() > 0) {
			return;
		}
		long start = System.nanoTime();
		Random random = new Random(SEED);
		Organisation created = organisation.create(random);
		List<Ticket> past = tickets.create(created, random);
		serviceLevels.create(past);
		routing.create(created);
		log.info("Loaded the demo data: {} users, {} tickets in {} ms. Log in as admin, tech1, tech2, manager, alice or bob, password '{}'.",
				created.people().size(), past.size(), (System.nanoTime() - start) / 1_000_000, DemoOrganisation.PASSWORD);
	}

}
