package org.guichet.tickets.api;

import java.util.EnumMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.guichet.system.IfMatch;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.Impact;
import org.guichet.tickets.Priority;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.ReplyToResolved;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rest of Administration › Settings, beside the lifecycle settings
 * ({@link LifecycleSettingsApiController}): the priority matrix ({@code /priority-matrix}), what a
 * requester's reply to a resolved ticket does ({@code /reply-to-resolved}) and what requesters
 * see of the SLA ({@code /requester-sla}). Administrators only (403 problem+json otherwise). Each
 * GET sends the settings' {@code ETag}; a PUT replaces them, refused with 412 problem+json
 * ({@code record.tag-stale}) when If-Match names settings changed since, and with 400
 * naming the field at fault ({@code field.required}, a matrix cell missing:
 * {@code admin.settings.matrix.incomplete}), nothing saved.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/settings", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class DeskSettingsApiController {

	private final DeskSettings settings;

	DeskSettingsApiController(DeskSettings settings) {
		this.settings = settings;
	}

	/** @param cells for each urgency, the priority of each impact: 25 cells */
	record MatrixJson(Map<Urgency, Map<Impact, Priority>> cells) {

		static MatrixJson of(PriorityMatrix matrix) {
			Map<Urgency, Map<Impact, Priority>> cells = new EnumMap<>(Urgency.class);
			for (Urgency urgency : Urgency.values()) {
				Map<Impact, Priority> row = new EnumMap<>(Impact.class);
				for (Impact impact : Impact.values()) {
					row.put(impact, matrix.cell(urgency, impact));
				}
				cells.put(urgency, row);
			}
			return new MatrixJson(cells);
		}

		PriorityMatrix matrix() {
			return PriorityMatrix.of((urgency, impact) -> cells.getOrDefault(urgency, Map.of()).get(impact));
		}

	}

	/** @param replyToResolved {@code FLAG} (the default) or {@code REFUSE} */
	record ReplyToResolvedJson(ReplyToResolved replyToResolved) {
	}

	/** @param requesterSla {@code NONE} (the default) or {@code EXPECTED_RESOLUTION} */
	record RequesterSlaJson(RequesterSlaVisibility requesterSla) {
	}

	@GetMapping("/priority-matrix")
	@Operation(summary = "The priority matrix: the priority of each urgency and impact")
	ResponseEntity<MatrixJson> priorityMatrix() {
		MatrixJson matrix = MatrixJson.of(settings.priorityMatrix());
		return ResponseEntity.ok().eTag(SettingsTags.etag(matrix)).body(matrix);
	}

	@PutMapping(path = "/priority-matrix", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replaces the priority matrix, every cell given; new tickets use it")
	ResponseEntity<MatrixJson> replacePriorityMatrix(@RequestBody MatrixJson body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		SettingsTags.unchangedSince(ifMatch, MatrixJson.of(settings.priorityMatrix()));
		settings.savePriorityMatrix(body.matrix());
		return priorityMatrix();
	}

	@GetMapping("/reply-to-resolved")
	@Operation(summary = "What a requester's reply to a resolved ticket does")
	ResponseEntity<ReplyToResolvedJson> replyToResolved() {
		ReplyToResolvedJson json = new ReplyToResolvedJson(settings.replyToResolved());
		return ResponseEntity.ok().eTag(SettingsTags.etag(json)).body(json);
	}

	@PutMapping(path = "/reply-to-resolved", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Chooses what a requester's reply to a resolved ticket does")
	ResponseEntity<ReplyToResolvedJson> replaceReplyToResolved(@RequestBody ReplyToResolvedJson body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		SettingsTags.unchangedSince(ifMatch, new ReplyToResolvedJson(settings.replyToResolved()));
		settings.saveReplyToResolved(body.replyToResolved());
		return replyToResolved();
	}

	@GetMapping("/requester-sla")
	@Operation(summary = "What requesters see of their tickets' SLA")
	ResponseEntity<RequesterSlaJson> requesterSla() {
		RequesterSlaJson json = new RequesterSlaJson(settings.requesterSlaVisibility());
		return ResponseEntity.ok().eTag(SettingsTags.etag(json)).body(json);
	}

	@PutMapping(path = "/requester-sla", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Chooses what requesters see of their tickets' SLA")
	ResponseEntity<RequesterSlaJson> replaceRequesterSla(@RequestBody RequesterSlaJson body,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
		SettingsTags.unchangedSince(ifMatch, new RequesterSlaJson(settings.requesterSlaVisibility()));
		settings.saveRequesterSlaVisibility(body.requesterSla());
		return requesterSla();
	}

}
