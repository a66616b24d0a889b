package org.guichet.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.UserRepository;
import org.guichet.system.StartupLoading;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo organisation on the first start of the {@code demo} profile, when the database
 * has no user yet. The same seed gives the same organisation and tickets on every machine.
 * <p>
 * It loads once the server serves pages: meanwhile the login page says that the demo data is
 * loading, and logging in works as soon as it is committed. Everything is loaded in one
 * transaction, so that a start interrupted midway loads it all again at the next start.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "guichet.demo.enabled", havingValue = "true")
class DemoData implements SmartInitializingSingleton, ApplicationRunner {

	static final long SEED = 20261128L;

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final UserRepository users;

	private final DemoOrganisation organisation;

	private final DemoTickets tickets;

	private final DemoServiceLevels serviceLevels;

	private final DemoRouting routing;

	private final DemoReplies replies;
	private final DemoMerge merge;

	private final DemoMail mail;

	private final DemoPages pages;

	private final DemoKpiTargets kpiTargets;

	private final DemoMajorIncidents majorIncidents;

	private final DemoKnowledge knowledge;

	private final StartupLoading startupLoading;

	private final DemoServiceCatalogue serviceCatalogue;

	private final DemoNotificationChoices notificationChoices;

	private final TransactionTemplate transaction;

	private StartupLoading.@Nullable Task loading;

	DemoData(UserRepository users, DemoOrganisation organisation, DemoTickets tickets,
			DemoServiceLevels serviceLevels, DemoRouting routing, DemoReplies replies, DemoMerge merge, DemoMail mail, DemoPages pages,
			DemoKpiTargets kpiTargets, DemoMajorIncidents majorIncidents, DemoKnowledge knowledge,
			StartupLoading startupLoading,
			PlatformTransactionManager transactionManager, DemoServiceCatalogue serviceCatalogue,
			DemoNotificationChoices notificationChoices) {
		this.majorIncidents = majorIncidents;
		this.users = users;
		this.organisation = organisation;
		this.tickets = tickets;
		this.serviceLevels = serviceLevels;
		this.routing = routing;
		this.replies = replies;
		this.merge = merge;
		this.mail = mail;
		this.pages = pages;
		this.kpiTargets = kpiTargets;
		this.knowledge = knowledge;
		this.startupLoading = startupLoading;
		this.serviceCatalogue = serviceCatalogue;
		this.notificationChoices = notificationChoices;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** Before the server serves its first page: an empty database shows the loading notice from the start. */
	@Override
	public void afterSingletonsInstantiated() {
		if (users.count() == 0) {
			loading = startupLoading.begin("demo.loading");
		}
	}

	/** Loads the demo data into an empty database, then ends the loading notice once it is committed. */
	@Override
	public void run(ApplicationArguments args) {
		try {
			transaction.executeWithoutResult(status -> {
				if (users.count() == 0) {
					load();
				}
			});
		}
		finally {
			if (loading != null) {
				loading.close();
				loading = null;
			}
		}
	}

	private void load() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		Random random = new Random(SEED);
		Organisation created = organisation.create(random);
		List<TicketId> past = tickets.create(created, random);
		serviceLevels.create(past);
		routing.create(created);
		replies.create(created);
		merge.create(created);
		majorIncidents.create(created);
		mail.create(created);
		pages.create(created);
		kpiTargets.create(created);
		knowledge.create(created);
		serviceCatalogue.create(created);
		notificationChoices.create(created);
		log.info("Loaded the demo data: {} users, {} tickets in {} ms ({} ms of CPU). Log in as admin, tech1, tech2, manager, alice or bob, password '{}'.",
				created.people().size(), past.size(), (System.nanoTime() - start) / 1_000_000,
				(threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000, DemoOrganisation.PASSWORD);
	}

}
