package org.guichet.search;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The administrators' page of the search index: build it again from the database, and the
 * build's progress, polled by htmx while it runs; once it ended, how it ended (documents indexed
 * and how long it took, or why it failed), and no more polling.
 */
@Controller
@RequestMapping("/admin/search")
class IndexAdminController {

	private final IndexBuild build;

	IndexAdminController(IndexBuild build) {
		this.build = build;
	}

	@GetMapping
	String page(Model model) {
		progress(build.progress(), model);
		return "search/admin";
	}

	@GetMapping("/progress")
	String progress(Model model) {
		progress(build.progress(), model);
		return "search/admin :: progress";
	}

	/** Starts a build unless one runs (then the page shows that one); the page then follows it. */
	@PostMapping("/rebuild")
	String rebuild() {
		build.start();
		return "redirect:/admin/search";
	}

	private static void progress(IndexBuild.@Nullable Progress progress, Model model) {
		model.addAttribute("progress", progress);
		Instant end = progress == null ? null : progress.finishedAt();
		model.addAttribute("took", end == null ? null : took(Duration.between(progress.startedAt(), end)));
		model.addAttribute("running", progress != null && end == null);
	}

	/** A build's length for the page: "42 s", "3 min 05 s" (the units read the same in French). */
	static String took(Duration length) {
		long seconds = Math.max(0, length.toSeconds());
		return seconds < 60 ? seconds + " s" : String.format("%d min %02d s", seconds / 60, seconds % 60);
	}

}
