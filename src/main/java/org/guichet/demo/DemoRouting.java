package org.guichet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.routing.Assignment;
import org.guichet.routing.AssignmentMode;
import org.guichet.routing.RoutingRules;
import org.guichet.routing.RuleDefinition;
import org.guichet.routing.RuleDefinition.Actions;
import org.guichet.routing.RuleDefinition.Conditions;
import org.guichet.routing.Technicians;
import org.guichet.tickets.Category;
import org.guichet.tickets.Urgency;
import org.springframework.stereotype.Component;

/**
 * The demo's routing: printers to the N1 group, which takes turns; network words to N2, whose
 * network specialist is skilled in it; the director's demands straight to a senior technician.
 * One N1 technician is on holiday this week. Loaded after the demo tickets, which keep the
 * assignment they were written with.
 */
@Component
class DemoRouting {

	private final RoutingRules rules;

	private final Assignment assignment;

	private final Technicians technicians;

	private final Clock clock;

	DemoRouting(RoutingRules rules, Assignment assignment, Technicians technicians, Clock clock) {
		this.rules = rules;
		this.assignment = assignment;
		this.technicians = technicians;
		this.clock = clock;
	}

	void create(Organisation organisation) {
		long n1 = organisation.n1().getId();
		long n2 = organisation.n2().getId();
		Category printers = organisation.leaves().get("Imprimante/Toner").getParent();
		Category network = organisation.leaves().get("Réseau/VPN").getParent();
		rules.save(null, null, new RuleDefinition("Direction : technicien senior", true, true,
				new Conditions(null, null, null, null, null, true, List.of(), null, null, Set.of()),
				new Actions(n2, organisation.person("tech2").getId(), Urgency.HIGH, null, List.of(), null)));
		rules.save(null, null, new RuleDefinition("Imprimantes vers le N1", true, false,
				new Conditions(null, printers.getId(), null, null, null, null, List.of(), null, null, Set.of()),
				new Actions(n1, null, null, null, List.of(), null)));
		rules.save(null, null, new RuleDefinition("Réseau et VPN vers le N2", true, false,
				new Conditions(null, null, null, null, null, null, List.of("VPN", "réseau", "Wi-Fi", "wifi"), null,
						null, Set.of()),
				new Actions(n2, null, null, null, List.of(), null)));
		assignment.setMode(n1, null, AssignmentMode.ROUND_ROBIN);
		assignment.setMode(n2, null, AssignmentMode.LEAST_LOADED);
		technicians.setSkills(organisation.person("khaddad").getId(), null, List.of(network.getId()));
		Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
		technicians.addAbsence(organisation.person("lroux").getId(), today, today.plus(Duration.ofDays(5)),
				"Congés");
	}

}
