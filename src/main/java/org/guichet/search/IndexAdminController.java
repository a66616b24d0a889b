package org.guichet.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the search index: build it again from the database, and the
 * build's progress, polled by htmx while it runs.
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
		model.addAttribute("progress", build.progress());
		return "search/admin";
	}

	@GetMapping("/progress")
	String progress(Model model) {
		model.addAttribute("progress", build.progress());
		return "search/admin :: progress";
	}

	/** Starts a build unless one runs (then the page shows that one). */
	@PostMapping("/rebuild")
	String rebuild(RedirectAttributes redirect) {
		build.start();
		redirect.addFlashAttribute("flash", "search.admin.started");
		return "redirect:/admin/search";
	}

}
