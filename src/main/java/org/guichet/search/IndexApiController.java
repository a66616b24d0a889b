package org.guichet.search;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search index for administrators, as the page {@code /admin/search} shows it
 * ({@link IndexBuild}): {@code GET /api/v1/admin/search-index} gives the last build's progress on
 * the node that answers, {@code POST /api/v1/admin/search-index/rebuild} starts a build in the
 * background unless one runs (202 Accepted, with the progress of the build started or running;
 * poll the GET). Others get 403 problem+json.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/search-index", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class IndexApiController {

	private final IndexBuild build;

	IndexApiController(IndexBuild build) {
		this.build = build;
	}

	/**
	 * A build of the index, or none since this node started.
	 *
	 * @param state {@code NONE} (no build since the node started), {@code RUNNING}, {@code SUCCEEDED}
	 *        or {@code FAILED}
	 * @param startedAt when it started (UTC), null for none
	 * @param finishedAt when it ended (UTC), null while it runs or for none
	 * @param total documents to index, as counted when it started
	 * @param done documents indexed so far
	 * @param percent 0 to 100
	 * @param failure why it failed, null unless {@code FAILED}
	 */
	record IndexJson(String state, @Nullable Instant startedAt, @Nullable Instant finishedAt, long total, long done,
			int percent, @Nullable String failure) {

		static IndexJson of(IndexBuild.@Nullable Progress progress) {
			if (progress == null) {
				return new IndexJson("NONE", null, null, 0, 0, 0, null);
			}
			String state = progress.finishedAt() == null ? "RUNNING" : progress.failure() == null ? "SUCCEEDED" : "FAILED";
			return new IndexJson(state, progress.startedAt(), progress.finishedAt(), progress.total(), progress.done(),
					progress.percent(), progress.failure());
		}

	}

	@GetMapping
	@Operation(summary = "The last build of the search index on this node: running, succeeded or failed, and its progress")
	IndexJson index() {
		return IndexJson.of(build.progress());
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Builds the search index again from the database, in the background, unless a build runs")
	ResponseEntity<IndexJson> rebuild() {
		return ResponseEntity.accepted().body(IndexJson.of(build.start()));
	}

}
