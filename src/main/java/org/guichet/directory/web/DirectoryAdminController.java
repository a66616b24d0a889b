package org.guichet.directory.web;

import org.guichet.directory.ldap.DirectorySync;
import org.guichet.directory.ldap.LdapSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the LDAP directory: its settings as configured (never the service
 * account's password), what the last synchronisation did, and "Synchronise now".
 */
@Controller
@RequestMapping("/admin/directory")
class DirectoryAdminController {

	private final DirectorySync sync;

	private final LdapSettings settings;

	DirectoryAdminController(DirectorySync sync, LdapSettings settings) {
		this.sync = sync;
		this.settings = settings;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("enabled", sync.enabled());
		model.addAttribute("settings", settings);
		model.addAttribute("last", sync.last());
		return "admin/directory";
	}

	/** Starts a synchronisation in the background, unless one runs on any node. */
	@PostMapping("/sync")
	String synchronise(RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", sync.start() ? "admin.directory.flash.started" : "admin.directory.flash.running");
		return "redirect:/admin/directory";
	}

}
