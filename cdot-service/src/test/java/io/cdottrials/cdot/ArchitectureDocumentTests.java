package io.cdottrials.cdot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/architecture.md} sends a newcomer to files by their paths: every path it
 * names exists, so the map cannot drift away from the house unnoticed.
 */
class ArchitectureDocumentTests {

	// the build runs in cdot-service/, the paths are from the repository root
	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern QUOTED_PATH = Pattern.compile("`([a-z][\\w.-]*/[^`\\s<]*)`");

	@Test
	void everyPathTheDocumentNamesExists() throws IOException {
		String document = Files.readString(ROOT.resolve("docs/architecture.md"));
		List<String> paths = QUOTED_PATH.matcher(document)
			.results()
			.map((match) -> match.group(1))
			// build outputs exist only after a build
			.filter((path) -> !path.contains("target/"))
			.toList();

		assertThat(paths).as("paths named in the document").hasSizeGreaterThan(20);
		assertThat(paths).allSatisfy((path) -> assertThat(ROOT.resolve(path)).as(path).exists());
	}

	@Test
	void theModulesOfThePictureAreTheApplicationsModules() throws IOException {
		String document = Files.readString(ROOT.resolve("docs/architecture.md"));
		Matcher picture = Pattern.compile("```mermaid(.*?)```", Pattern.DOTALL).matcher(document);
		assertThat(picture.find()).as("a Mermaid picture").isTrue();

		try (var modules = Files.list(ROOT.resolve("cdot-service/src/main/java/io/cdottrials/cdot"))) {
			assertThat(modules.filter(Files::isDirectory).map((module) -> module.getFileName().toString()))
				.allSatisfy((module) -> assertThat(picture.group(1)).contains(module + "[\"" + module));
		}
	}

}
