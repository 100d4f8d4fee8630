package io.cdottrials.cdot.console;

import java.time.Clock;
import java.time.Instant;

import io.cdottrials.cdot.experiments.Experiment;
import io.cdottrials.cdot.experiments.Experiments;
import io.cdottrials.cdot.trials.ExperimentReport;
import io.cdottrials.web.ApiException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every experiment with its rollout and variants; one experiment's conversion report with
 * a chart.
 */
@Controller
class ConsoleExperimentController {

	private final Experiments experiments;

	private final ExperimentReport reports;

	private final Clock clock;

	ConsoleExperimentController(Experiments experiments, ExperimentReport reports, Clock clock) {
		this.experiments = experiments;
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/console/experiments")
	String all(Model model) {
		model.addAttribute("experiments", this.experiments.all());
		model.addAttribute("now", Instant.now(this.clock));
		return "console/experiments";
	}

	@GetMapping("/console/experiments/{key}")
	String one(@PathVariable String key, Model model) {
		Experiment experiment = this.experiments.find(key)
			.orElseThrow(() -> ApiException.notFound("There is no experiment of that key"));
		ExperimentReport.Report report = this.reports.of(experiment);
		model.addAttribute("experiment", experiment);
		model.addAttribute("now", Instant.now(this.clock));
		model.addAttribute("report", report);
		model.addAttribute("chart", ReportChart.of(report));
		return "console/experiment";
	}

}
