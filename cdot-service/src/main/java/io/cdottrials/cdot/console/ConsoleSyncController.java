package io.cdottrials.cdot.console;

import io.cdottrials.cdot.catalog.CatalogSyncs;
import io.cdottrials.web.ApiException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog sync runs, one run with its findings and the diff of the version it made,
 * and an operator's sync.
 */
@Controller
class ConsoleSyncController {

	private final CatalogSyncs syncs;

	ConsoleSyncController(CatalogSyncs syncs) {
		this.syncs = syncs;
	}

	@GetMapping("/console/syncs")
	String runs(Model model) {
		model.addAttribute("runs", this.syncs.recent(50));
		return "console/syncs";
	}

	@GetMapping("/console/syncs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("run",
				this.syncs.find(id).orElseThrow(() -> ApiException.notFound("There is no catalog sync run " + id)));
		return "console/sync";
	}

	@PostMapping("/console/syncs")
	String start(RedirectAttributes redirect) {
		long id = this.syncs.start();
		redirect.addFlashAttribute("message", "Sync run " + id + " queued; reload to follow it.");
		redirect.addAttribute("id", id);
		return "redirect:/console/syncs/{id}";
	}

}
