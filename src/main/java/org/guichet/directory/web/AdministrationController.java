package org.guichet.directory.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administration home: one link per page the administrator manages.
 */
@Controller
class AdministrationController {

	@GetMapping("/admin")
	String index() {
		return "admin/index";
	}

}
