package io.cdottrials.cdot.trials;

import io.cdottrials.cdot.experiments.Experiments;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How an experiment's variants convert.
 */
@RestController
@Tag(name = "Admin")
class ExperimentReportController {

	private final Experiments experiments;

	private final ExperimentReport report;

	ExperimentReportController(Experiments experiments, ExperimentReport report) {
		this.experiments = experiments;
		this.report = report;
	}

	@GetMapping("/api/v1/admin/experiments/{key}/report")
	@Operation(summary = "Per variant: trials started, converted, conversion rate with its 95 % Wilson interval, "
			+ "and the difference to the first variant with its 95 % Newcombe interval")
	ExperimentReport.Report report(@PathVariable String key) {
		return this.report.of(this.experiments.find(key)
			.orElseThrow(() -> ApiException
				.notFound("no experiment '" + ((key.length() > 64) ? key.substring(0, 64) : key) + "'")));
	}

}
