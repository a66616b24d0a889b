package org.guichet.sla.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.system.IfMatch;
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
 * SLA policies, managed by administrators and read by the IT team.
 */
@RestController
@RequestMapping("/api/v1/sla-policies")
class SlaApiController {

	private static final String AGENTS = "hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')";

	private final SlaPolicies policies;

	SlaApiController(SlaPolicies policies) {
		this.policies = policies;
	}

	@GetMapping
	@PreAuthorize(AGENTS)
	List<SlaPolicyJson> list() {
		return policies.list().stream().map(SlaPolicyJson::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(AGENTS)
	SlaPolicyJson get(@PathVariable long id) {
		return SlaPolicyJson.of(policies.get(id));
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	ResponseEntity<SlaPolicyJson> create(@Valid @RequestBody SlaPolicyJson json) {
		SlaPolicy saved = policies.save(null, null, definition(json));
		return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + saved.getId())).body(SlaPolicyJson.of(saved));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	SlaPolicyJson update(@PathVariable long id, @Valid @RequestBody SlaPolicyJson json,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		return SlaPolicyJson.of(policies.save(id, IfMatch.required(ifMatch, json.version()), definition(json)));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	ResponseEntity<Void> delete(@PathVariable long id) {
		policies.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static SlaPolicies.Definition definition(SlaPolicyJson json) {
		SlaPolicyJson.PauseOn pauseOn = json.pauseOn() == null ? new SlaPolicyJson.PauseOn(true, true, true)
				: json.pauseOn();
		SlaPolicyJson.Conditions conditions = json.conditions() == null
				? new SlaPolicyJson.Conditions(null, null, null, null) : json.conditions();
		return new SlaPolicies.Definition(json.name(), json.calendarId(), json.position(), json.fallback(),
				json.ttoMetBy(), pauseOn.user(), pauseOn.supplier(), pauseOn.approval(), json.atRiskPercent(),
				conditions.type(), conditions.categoryId(), conditions.department(), conditions.vip(),
				json.targets()
					.stream()
					.map(t -> new SlaPolicies.TargetDefinition(t.type(), t.priority(), t.timeToOwn(),
							t.timeToResolve()))
					.toList());
	}

}
