package org.guichet.routing.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.routing.Assignment;
import org.guichet.routing.AssignmentMode;
import org.guichet.routing.Routing;
import org.guichet.routing.RoutingRule;
import org.guichet.routing.RoutingRules;
import org.guichet.routing.RuleDefinition;
import org.guichet.routing.Technicians;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.system.VersionMismatchException;
import org.guichet.system.RepeatableSubmission;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing page: rules in order (moved up or down), the rule tester (htmx), each group's
 * auto-assignment mode, and each technician's skills and absences.
 */
@Controller
@RequestMapping("/admin/routing")
class RoutingAdminController {

	private static final String FORM = "routing/rule-form";

	private static final List<Role> AGENT_ROLES = Arrays.stream(Role.values()).filter(Role::isAgent).toList();

	private final RoutingRules rules;

	private final Routing routing;

	private final Assignment assignment;

	private final Technicians technicians;

	private final SupportGroupRepository groups;

	private final UserRepository users;

	private final CategoryRepository categories;

	private final SlaPolicies policies;

	private final Clock clock;

	private final ZoneId zone;

	RoutingAdminController(RoutingRules rules, Routing routing, Assignment assignment, Technicians technicians,
			SupportGroupRepository groups, UserRepository users, CategoryRepository categories, SlaPolicies policies,
			Clock clock, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.rules = rules;
		this.routing = routing;
		this.assignment = assignment;
		this.technicians = technicians;
		this.groups = groups;
		this.users = users;
		this.categories = categories;
		this.policies = policies;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping
	String page(Model model) {
		List<RoutingRule> ordered = rules.list();
		model.addAttribute("rules", ordered);
		model.addAttribute("sampleForm", new SampleForm());
		List<SupportGroup> allGroups = groups.findAllWithMembers();
		Map<SupportGroup, AssignmentMode> modes = new LinkedHashMap<>();
		allGroups.forEach(g -> modes.put(g, assignment.modeOf(g.getId())));
		model.addAttribute("groupModes", modes);
		model.addAttribute("modes", AssignmentMode.values());
		model.addAttribute("technicians", agents());
		Map<Long, String> names = new HashMap<>();
		allGroups.forEach(g -> names.put(g.getId(), g.getName()));
		model.addAttribute("groupNames", names);
		Map<Long, String> categoryPaths = new HashMap<>();
		categories.findAllOrdered().forEach(c -> categoryPaths.put(c.getId(), c.getPath()));
		model.addAttribute("categoryPaths", categoryPaths);
		Map<Long, String> people = new HashMap<>();
		List<Long> named = ordered.stream().flatMap(r -> {
			RuleDefinition.Actions then = r.definition().actions();
			return Stream.concat(Stream.ofNullable(then.technicianId()),
					then.observerIds().stream());
		}).distinct().toList();
		users.findAllById(named).forEach(u -> people.put(u.getId(), u.getFullName()));
		model.addAttribute("peopleNames", people);
		Map<Long, String> policyNames = new HashMap<>();
		policies.list().forEach(p -> policyNames.put(p.getId(), p.getName()));
		model.addAttribute("policyNames", policyNames);
		return choices(model, "routing/index");
	}

	@GetMapping("/rules/new")
	String initCreationForm(Model model) {
		model.addAttribute("ruleForm", new RuleForm());
		model.addAttribute("ruleId", null);
		return choices(model, FORM);
	}

	@PostMapping("/rules/new")
	String processCreationForm(@ModelAttribute RuleForm ruleForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return save(null, ruleForm, result, model, redirect);
	}

	@GetMapping("/rules/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("ruleForm", RuleForm.of(rules.get(id)));
		model.addAttribute("ruleId", id);
		return choices(model, FORM);
	}

	@PostMapping("/rules/{id}/edit")
	String processUpdateForm(@PathVariable long id, @ModelAttribute RuleForm ruleForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return save(id, ruleForm, result, model, redirect);
	}

	@PostMapping("/rules/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		rules.delete(id);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/routing";
	}

	@PostMapping("/rules/{id}/move")
	String move(@PathVariable long id, @RequestParam int step) {
		rules.move(id, step);
		return "redirect:/admin/routing";
	}

	/** The tester's answer, swapped into the page by htmx. */
	@PostMapping("/test")
	@RepeatableSubmission
	String test(@ModelAttribute SampleForm sampleForm, Model model) {
		var decision = routing.test(sampleForm.demand(zone, clock.instant()));
		model.addAttribute("decision", decision);
		model.addAttribute("groupName", decision.groupId() == null ? null
				: groups.findById(decision.groupId()).map(SupportGroup::getName).orElse(null));
		model.addAttribute("technicianName", decision.technicianId() == null ? null
				: users.findById(decision.technicianId()).map(User::getFullName).orElse(null));
		model.addAttribute("mode", decision.groupId() == null ? null : assignment.modeOf(decision.groupId()));
		model.addAttribute("policyName", policies.list()
			.stream()
			.filter(p -> p.getId().equals(decision.slaPolicyId()))
			.map(SlaPolicy::getName)
			.findFirst()
			.orElse(null));
		return "routing/fragments/test-result :: result";
	}

	/**
	 * Sets a group's mode, made on the group's {@code version}; when someone changed the group
	 * since, the page again with the mode chosen and the group's version now.
	 */
	@PostMapping("/groups/{id}")
	String setMode(@PathVariable long id, @RequestParam AssignmentMode mode, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		try {
			assignment.setMode(id, version, mode);
		}
		catch (VersionMismatchException ex) {
			model.addAttribute("staleGroup", new StaleMode(id, mode));
			return page(model);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/routing#groups";
	}

	@GetMapping("/technicians/{id}")
	String technician(@PathVariable long id, Model model) {
		Technicians.SkillSet skills = technicians.skills(id);
		model.addAttribute("skills", skills.categoryIds());
		model.addAttribute("version", skills.userVersion());
		return technicianPage(id, model);
	}

	/**
	 * Replaces the skills, made on the user's {@code version}; when someone changed the user
	 * since, the page again with the categories chosen and the user's version now.
	 */
	@PostMapping("/technicians/{id}/skills")
	String setSkills(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> categoryIds,
			@RequestParam long version, Model model, RedirectAttributes redirect) {
		List<Long> chosen = categoryIds == null ? List.of() : categoryIds;
		try {
			technicians.setSkills(id, version, chosen);
		}
		catch (VersionMismatchException ex) {
			model.addAttribute("skills", chosen);
			model.addAttribute("version", ex.currentVersion());
			model.addAttribute("staleSave", true);
			return technicianPage(id, model);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/routing/technicians/" + id;
	}

	private String technicianPage(long id, Model model) {
		model.addAttribute("technician", users.findById(id).orElseThrow());
		model.addAttribute("absences", technicians.absences(id));
		model.addAttribute("categories", categories.findAllOrdered());
		return "routing/technician";
	}

	@PostMapping("/technicians/{id}/absences")
	String addAbsence(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		try {
			technicians.addAbsence(id, start, end, reason);
		}
		catch (InvalidInputException refusal) {
			// the page again, the refusal under its field and the dates and reason as typed
			model.addAttribute("absenceRefusal", refusal);
			model.addAttribute("absenceFrom", from);
			model.addAttribute("absenceTo", to);
			model.addAttribute("absenceReason", reason);
			return technician(id, model);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/routing/technicians/" + id;
	}

	@PostMapping("/technicians/{id}/absences/{absenceId}/delete")
	String deleteAbsence(@PathVariable long id, @PathVariable long absenceId, RedirectAttributes redirect) {
		technicians.deleteAbsence(id, absenceId);
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/routing/technicians/" + id;
	}

	private String save(@Nullable Long id, RuleForm ruleForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("ruleId", id);
		if (result.hasErrors()) {
			return choices(model, FORM);
		}
		try {
			rules.save(id, ruleForm.getVersion(), ruleForm.definition());
		}
		catch (InvalidInputException ex) {
			FormRefusals.reject(ex, result);
			return choices(model, FORM);
		}
		catch (VersionMismatchException ex) {
			// the form again as typed: saving it once more replaces the rule knowingly
			ruleForm.setVersion(ex.currentVersion());
			result.reject("admin.conflict");
			return choices(model, FORM);
		}
		redirect.addFlashAttribute("flash", "admin.flash.saved");
		return "redirect:/admin/routing";
	}

	/** A group's mode chosen on a version someone changed since: shown again, with the message. */
	record StaleMode(long groupId, AssignmentMode mode) {
	}

	private List<User> agents() {
		return users.findByRoleInAndActiveTrue(AGENT_ROLES, Sort.by("fullName"));
	}

	private String choices(Model model, String view) {
		model.addAttribute("types", TicketType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("impacts", Impact.values());
		model.addAttribute("weekdayChoices", DayOfWeek.values());
		model.addAttribute("categories", categories.findAllOrdered());
		model.addAttribute("groups", groups.findAllWithMembers());
		model.addAttribute("agents", agents());
		model.addAttribute("people", users.findByActiveTrue(Sort.by("fullName")));
		model.addAttribute("policies", policies.list());
		return view;
	}

}
