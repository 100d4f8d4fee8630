package io.cdottrials.cdot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final Path DOCS = Path.of("target", "spring-modulith-docs");

	private final ApplicationModules modules = ApplicationModules.of(CdotApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyModuleIsDocumented() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(this.modules.stream().map(ApplicationModule::getBasePackage).map(JavaPackage::getName)).contains(
				"io.cdottrials.cdot.catalog", "io.cdottrials.cdot.subscriptions", "io.cdottrials.cdot.eligibility",
				"io.cdottrials.cdot.trials", "io.cdottrials.cdot.notifications");
		String overview = Files.readString(DOCS.resolve("components.puml"));
		for (ApplicationModule module : this.modules) {
			String name = module.getIdentifier().toString();
			assertThat(overview).as("the overview diagram").contains("\"" + module.getDisplayName() + "\"");
			assertThat(DOCS.resolve("module-" + name + ".puml")).as("the diagram of " + name)
				.content()
				.contains(module.getDisplayName());
			assertThat(DOCS.resolve("module-" + name + ".adoc")).as("the canvas of " + name)
				.content()
				.contains("`" + module.getBasePackage().getName() + "`");
		}
	}

}
