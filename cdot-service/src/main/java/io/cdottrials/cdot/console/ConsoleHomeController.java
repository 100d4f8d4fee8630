package io.cdottrials.cdot.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page, linking every other, and the login form.
 */
@Controller
class ConsoleHomeController {

	private final ConsoleProperties properties;

	ConsoleHomeController(ConsoleProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/console")
	String home() {
		return "console/home";
	}

	@GetMapping(ConsoleSecurityConfiguration.LOGIN)
	String login(Model model) {
		model.addAttribute("locked", this.properties.locked());
		return "console/login";
	}

}
