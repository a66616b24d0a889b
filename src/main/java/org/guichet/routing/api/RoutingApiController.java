package org.guichet.routing.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.routing.Assignment;
import org.guichet.routing.AssignmentMode;
import org.guichet.routing.Routing;
import org.guichet.routing.RoutingRule;
import org.guichet.routing.RoutingRules;
import org.guichet.system.IfMatch;
import org.guichet.system.InvalidInputException;
import org.guichet.system.MultiLine;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketRouter.Decision;
import org.guichet.tickets.TicketRouter.Demand;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing rules, managed by administrators and read by the IT team, and the rule tester.
 */
@RestController
@RequestMapping("/api/v1/routing-rules")
class RoutingApiController {

	private static final String AGENTS = "hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')";

	private final RoutingRules rules;

	private final Routing routing;

	private final Assignment assignment;

	private final UserRepository users;

	private final Clock clock;

	RoutingApiController(RoutingRules rules, Routing routing, Assignment assignment, UserRepository users,
			Clock clock) {
		this.rules = rules;
		this.routing = routing;
		this.assignment = assignment;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(AGENTS)
	List<RoutingRuleJson> list() {
		return rules.list().stream().map(RoutingRuleJson::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(AGENTS)
	RoutingRuleJson get(@PathVariable long id) {
		return RoutingRuleJson.of(rules.get(id));
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	ResponseEntity<RoutingRuleJson> create(@Valid @RequestBody RoutingRuleJson json) {
		RoutingRule saved = rules.save(null, null, json.definition());
		return ResponseEntity.created(URI.create("/api/v1/routing-rules/" + saved.getId()))
			.body(RoutingRuleJson.of(saved));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	RoutingRuleJson update(@PathVariable long id, @Valid @RequestBody RoutingRuleJson json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		return RoutingRuleJson.of(rules.save(id, IfMatch.required(ifMatch, json.version()), json.definition()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	ResponseEntity<Void> delete(@PathVariable long id) {
		rules.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** The rules in the given order; rules not listed follow, in their current order. */
	@PutMapping("/order")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	List<RoutingRuleJson> reorder(@Valid @RequestBody Order order) {
		return rules.reorder(order.ids()).stream().map(RoutingRuleJson::of).toList();
	}

	/**
	 * Which rules would fire for a sample demand, in order, and what they would decide; nothing
	 * is created. The requester's department, location and VIP flag come from {@code requesterId}
	 * when given.
	 */
	@PostMapping("/test")
	@PreAuthorize(AGENTS)
	TestResult test(@Valid @RequestBody Sample sample) {
		Decision decision = routing.test(sample.demand(users, clock.instant()));
		return new TestResult(decision.rules(), decision,
				decision.groupId() == null ? null : assignment.modeOf(decision.groupId()));
	}

	record Order(@NotNull List<Long> ids) {
	}

	record Sample(@NotNull TicketType type, @Nullable String title, @Nullable @MultiLine String description,
			@Nullable Long categoryId, @Nullable Channel channel, @Nullable Long requesterId,
			@Nullable String department, @Nullable String location, @Nullable Boolean vip,
			@Nullable Urgency urgency, @Nullable Impact impact, @Nullable Instant at) {

		Demand demand(UserRepository users, Instant now) {
			String dept = department;
			String loc = location;
			boolean isVip = Boolean.TRUE.equals(vip);
			if (requesterId != null) {
				User requester = users.findById(requesterId)
					.orElseThrow(() -> new InvalidInputException("requesterId", "user.unknown",
							"No user " + requesterId, requesterId));
				dept = requester.getDepartment();
				loc = requester.getLocation();
				isVip = requester.isVip();
			}
			return new Demand(type, title == null ? "" : title, description == null ? "" : description, categoryId,
					channel == null ? Channel.PORTAL : channel, dept, loc, isVip,
					urgency == null ? Urgency.MEDIUM : urgency, impact, at == null ? now : at);
		}

	}

	/**
	 * @param autoAssign the mode of the group the rules chose: the technician it would pick
	 * depends on who is present when a real ticket arrives
	 */
	record TestResult(List<String> rules, Decision decision, @Nullable AssignmentMode autoAssign) {
	}

}
