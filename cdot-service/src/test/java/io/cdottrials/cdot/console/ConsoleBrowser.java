package io.cdottrials.cdot.console;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cdottrials.testsupport.debian.DebianPackage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (both installed with
 * apt-get when absent), one session for a whole test class; with the accessibility check
 * (axe-core, injected into the page) and screenshots.
 * <p>
 * Screenshots go to {@code target/console-screenshots/} always, and also to the folder
 * the system property {@code console.screenshots} names (relative to the repository
 * root), e.g. {@code -Dconsole.screenshots=docs/console} to refresh the documentation's.
 */
final class ConsoleBrowser implements AutoCloseable {

	static final DebianPackage CHROMIUM = new DebianPackage("the console's browser tests",
			List.of("chromium", "chromium-driver"), Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"));

	private static final Dimension LAPTOP = new Dimension(1366, 900);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private String axe;

	private ConsoleBrowser(ChromeDriverService service, ChromeDriver driver, Path profile, String base) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	static ConsoleBrowser start(int port) throws IOException {
		CHROMIUM.ensureInstalled();
		Path profile = Files.createTempDirectory("console-chromium");
		// the driver and the browser are named, so that Selenium Manager never looks for
		// (or downloads) either
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		// without the background-networking flags Chromium reaches for Google's services
		// and, on a closed network, stalls on their DNS lookups
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900");
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new ConsoleBrowser(service, driver, profile, "http://localhost:" + port);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.base + path);
	}

	/**
	 * Clicks something that loads a new page and waits for it.
	 * @param element a link or a submit button
	 */
	void clickAndWait(WebElement element) {
		// a mark on the old page's window: a new page has a window without it. Waiting
		// for
		// the old <html> to go stale instead failed now and then: while the new page
		// loads, Chromium may answer the old node's probe with "Node with given id does
		// not belong to the document", not the stale-element error the wait expects
		this.driver.executeScript("window.__consoleOldPage = true;");
		element.click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
			.until((driver) -> Boolean.TRUE.equals(this.driver
				.executeScript("return window.__consoleOldPage === undefined && document.readyState === 'complete';")));
	}

	String text(By by) {
		return this.driver.findElement(by).getText();
	}

	List<String> texts(By by) {
		return this.driver.findElements(by).stream().map(WebElement::getText).toList();
	}

	/**
	 * Runs axe-core on the page.
	 * @return every violation, one line each: impact, rule, help, the elements concerned
	 */
	List<Violation> accessibilityViolations() {
		JavascriptExecutor js = this.driver;
		js.executeScript(axeSource());
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then((r) => done(JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
				    nodes: v.nodes.map((n) => n.target.join(' ')) })))))
				  .catch((e) => done('failed: ' + e));""");
		String answer = String.valueOf(result);
		if (answer.startsWith("failed")) {
			throw new AssertionError("axe-core " + answer);
		}
		List<Violation> violations = new ArrayList<>();
		for (JsonNode violation : json.readTree(answer)) {
			List<String> nodes = new ArrayList<>();
			violation.get("nodes").forEach((node) -> nodes.add(node.asString()));
			violations.add(new Violation(violation.path("impact").asString(""), violation.get("id").asString(),
					violation.get("help").asString(), nodes));
		}
		return violations;
	}

	/**
	 * Saves the whole page as a PNG, as tall as its content.
	 * @param name the file's name without extension
	 */
	void screenshot(String name) throws IOException {
		Number height = (Number) this.driver.executeScript("return document.documentElement.scrollHeight");
		this.driver.manage()
			.window()
			.setSize(new Dimension(LAPTOP.getWidth(), Math.min(3000, Math.max(LAPTOP.getHeight(), height.intValue()))));
		try {
			byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
			write(Path.of("target", "console-screenshots"), name, png);
			String docs = System.getProperty("console.screenshots");
			if (docs != null && !docs.isBlank()) {
				write(repositoryRoot().resolve(docs), name, png);
			}
		}
		finally {
			this.driver.manage().window().setSize(LAPTOP);
		}
	}

	private static void write(Path folder, String name, byte[] png) throws IOException {
		Files.createDirectories(folder);
		Files.write(folder.resolve(name + ".png"), png);
	}

	private static Path repositoryRoot() {
		Path module = Path.of("").toAbsolutePath();
		return Files.exists(module.resolve("mvnw")) ? module : module.getParent();
	}

	private String axeSource() {
		if (this.axe == null) {
			try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js is not on the test classpath");
				}
				this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.axe;
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	/**
	 * One accessibility violation axe-core found.
	 *
	 * @param impact {@code minor}, {@code moderate}, {@code serious} or {@code critical}
	 * @param rule axe's rule id
	 * @param help what the rule asks for
	 * @param elements CSS selectors of the elements concerned
	 */
	record Violation(String impact, String rule, String help, List<String> elements) {

		boolean serious() {
			return this.impact.equals("serious") || this.impact.equals("critical");
		}

		@Override
		public String toString() {
			return this.impact + " " + this.rule + ": " + this.help + " " + this.elements;
		}

	}

}
