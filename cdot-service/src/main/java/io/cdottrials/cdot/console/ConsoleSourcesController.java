package io.cdottrials.cdot.console;

import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.ClassificationSources;
import io.cdottrials.cdot.eligibility.ApplicantRules;
import io.cdottrials.cdot.eligibility.TrialOffers;
import io.cdottrials.web.ApiException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Legacy against metadata per classification with each classification's flag, and the
 * trial flags: the ultimate trial switch and the apply-time rules.
 */
@Controller
class ConsoleSourcesController {

	private static final String PAGE = "redirect:/console/reconciliation";

	private final ClassificationSources sources;

	private final TrialOffers offers;

	private final ApplicantRules applicantRules;

	ConsoleSourcesController(ClassificationSources sources, TrialOffers offers, ApplicantRules applicantRules) {
		this.sources = sources;
		this.offers = offers;
		this.applicantRules = applicantRules;
	}

	@GetMapping("/console/reconciliation")
	String page(Model model) {
		model.addAttribute("comparisons", this.sources.compare());
		model.addAttribute("ultimateTrialWithDap", this.offers.ultimateTrialWithDap());
		model.addAttribute("applicantRules", this.applicantRules.states());
		return "console/reconciliation";
	}

	@PostMapping("/console/classifications/{name}/source")
	String choose(@PathVariable String name, @RequestParam("source") String source, RedirectAttributes redirect) {
		ClassificationSource chosen = ClassificationSource.fromWireName(source)
			.orElseThrow(() -> ApiException.badRequest("source must be 'legacy' or 'metadata'"));
		if (!this.sources.choose(name, chosen)) {
			throw ApiException.notFound("There is no classification of that name");
		}
		redirect.addFlashAttribute("message", name + " now answers from " + chosen.wireName() + ".");
		return PAGE;
	}

	@PostMapping("/console/trial-flags/" + TrialOffers.ULTIMATE_TRIAL_WITH_DAP)
	String ultimateTrialWithDap(@RequestParam("enabled") boolean enabled, RedirectAttributes redirect) {
		this.offers.setUltimateTrialWithDap(enabled);
		redirect.addFlashAttribute("message",
				TrialOffers.ULTIMATE_TRIAL_WITH_DAP + " is now " + (enabled ? "on" : "off") + ".");
		return PAGE;
	}

	@PostMapping("/console/applicant-rules/{rule}")
	String applicantRule(@PathVariable String rule, @RequestParam("enabled") boolean enabled,
			RedirectAttributes redirect) {
		if (!this.applicantRules.set(rule, enabled)) {
			throw ApiException.notFound("There is no apply-time rule of that name");
		}
		redirect.addFlashAttribute("message", "Apply-time rule " + rule + " is now " + (enabled ? "on" : "off") + ".");
		return PAGE;
	}

}
