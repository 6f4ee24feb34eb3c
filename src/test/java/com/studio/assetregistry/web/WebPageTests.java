package com.studio.assetregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.RunOwner;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.storage.LoadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web page in a real browser (Debian's headless Chromium, driven by Selenium) against the real server on a
 * random port and a real SQLite file: a user loads the sample through the Load page, reads the report, searches the
 * assets and opens one. One browser for the class; the tests run in order, each on the registry the ones before left.
 * Skipped, saying why, where Chromium or its driver is not installed.
 * <p>
 * Screenshots go to {@code target/screenshots}, or to the directory the {@code web.screenshots} system property
 * names ({@code ./mvnw test -Dtest=WebPageTests -Dweb.screenshots=docs/screenshots} refreshes the README's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet",
                // Selenium notes that it has no DevTools binding for this Chromium; the tests use WebDriver only
                "logging.level.org.openqa.selenium.devtools=ERROR"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SAMPLE = Path.of("data/asset_data.json");
    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>";
    private static final Path WORK_DIR = HttpApi.workDir("asset-registry-web-test");

    @LocalServerPort
    private int port;

    @Autowired
    private AssetRegistry registry;

    @Autowired
    private LoadStore loads;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path screenshots;

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry properties) {
        HttpApi.registryIn(WORK_DIR, properties);
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The web page's browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver); they are not installed, so these tests skip.");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        screenshots = Path.of(System.getProperty("web.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void loadsTheSampleThroughTheLoadPageAndLandsOnItsReportWithItsRejects() {
        open("#/load");
        browser.findElement(By.id("load-file")).sendKeys(SAMPLE.toAbsolutePath().toString());
        assertThat(text(By.cssSelector(".chosen"))).contains("asset_data.json");
        screenshot("load");

        browser.findElement(By.id("load-submit")).click();

        wait.until(ExpectedConditions.urlMatches("#/runs/\\d+$"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rejects tbody tr"), 3));
        assertThat(text(By.id("run-counts"))).contains("Read\n20", "Rejected\n3");
        assertThat(ruleIds()).containsExactly("version.sequence", "status.unknown", "status.unknown");
        assertThat(browser.findElements(By.cssSelector(".chart rect"))).hasSize(2);
        screenshot("report");

        new Select(browser.findElement(By.id("reject-rule"))).selectByValue("status.unknown");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rejects tbody tr"), 2));
        assertThat(ruleIds()).containsExactly("status.unknown", "status.unknown");
        assertThat(browser.getCurrentUrl()).endsWith("?rule=status.unknown");

        String download = browser.findElement(By.id("download-rejects")).getAttribute("href");
        assertThat(get(download).lines()).hasSize(3);
    }

    @Test
    @Order(2)
    void listsTheRunsWithTheirCounts() {
        open("#/runs");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.runs tbody tr")));
        assertThat(row.getText()).contains("load", "asset_data.json", "completed");
        assertThat(browser.findElements(By.cssSelector(".chart > rect.bar-a"))).hasSize(1);
        screenshot("runs");
    }

    @Test
    @Order(3)
    void searchesAsYouTypeAndFiltersByType() {
        open("#/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chips a[data-type='character']")));
        assertThat(text(By.cssSelector(".chips a[data-type='character'] .chip-count"))).isEqualTo("2");

        browser.findElement(By.id("asset-search")).sendKeys("her");
        wait.until(d -> assetRows().equals(List.of("hero character", "hero fx", "hero prop")));
        assertThat(browser.getCurrentUrl()).endsWith("#/?name=her");
        screenshot("assets");

        new Select(browser.findElement(By.id("asset-type"))).selectByValue("fx");
        wait.until(d -> assetRows().equals(List.of("hero fx")));
        assertThat(browser.getCurrentUrl()).endsWith("#/?name=her&type=fx");
    }

    @Test
    @Order(4)
    void showsAnAssetsVersionsAsAGridWithEachDepartmentsLatestActiveVersionMarked() {
        registry.addAsset(Asset.of("lamp_post", "prop", List.of(
                new AssetVersion("modeling", 1, "active"), new AssetVersion("modeling", 2, "active"),
                new AssetVersion("modeling", 3, "inactive"),
                new AssetVersion("texturing", 1, "inactive"), new AssetVersion("texturing", 2, "active"))));
        open("#/?name=lamp");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("lamp_post"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid")));
        assertThat(browser.getCurrentUrl()).endsWith("#/asset?name=lamp_post&type=prop");
        assertThat(cells("modeling")).containsExactly("v1 active", "v2 active\n★ latest active", "v3 inactive");
        assertThat(cells("texturing")).containsExactly("v1 inactive", "v2 active\n★ latest active", "none");
        assertThat(text(By.cssSelector(".summary"))).isEqualTo("5 versions in 2 departments: 3 active, 2 inactive");
        WebElement inactive = browser.findElement(By.cssSelector("tr[data-department='modeling'] td:nth-of-type(3)"));
        assertThat(inactive.getCssValue("border-left-color"))
                .isNotEqualTo(browser.findElement(By.cssSelector("tr[data-department='modeling'] td"))
                        .getCssValue("border-left-color"));
        screenshot("asset");
    }

    @Test
    @Order(4)
    void showsTheLatestHundredVersionsOfAnAssetThatHasMoreAndSaysWhereTheRestAre() {
        List<AssetVersion> versions = new ArrayList<>();
        for (int n = 1; n <= 150; n++) {
            versions.add(new AssetVersion("modeling", n, n == 150 ? "inactive" : "active"));
        }
        versions.add(new AssetVersion("rigging", 1, "active"));
        registry.addAsset(Asset.of("crowd_extra", "character", versions));
        open("#/asset?name=crowd_extra&type=character");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid")));
        List<WebElement> columns = browser.findElements(By.cssSelector("table.grid thead th"));
        assertThat(columns).hasSize(101);
        assertThat(columns.get(1).getText()).isEqualTo("v51");
        assertThat(columns.get(100).getText()).isEqualTo("v150");
        assertThat(text(By.cssSelector(".shown")))
                .isEqualTo("The grid shows versions 51 to 150; all of them: asset-registry versions list crowd_extra"
                        + " character.");
        assertThat(cells("modeling")).hasSize(100).element(98).isEqualTo("v149 active\n★ latest active");
        assertThat(cells("rigging")).hasSize(100).containsOnly("none");
        assertThat(text(By.cssSelector(".summary")))
                .isEqualTo("151 versions in 2 departments: 150 active, 1 inactive");
    }

    @Test
    @Order(5)
    void showsANameWithMarkupAsTextAndRunsNothing() {
        registry.addAsset(Asset.of(MARKUP_NAME, "prop", List.of(new AssetVersion("modeling", 1, "active"))));
        open("#/?name=%3Cimg");
        wait.until(d -> assetRows().equals(List.of(MARKUP_NAME + " prop")));
        browser.findElement(By.linkText(MARKUP_NAME)).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid")));
        assertThat(text(By.tagName("h1"))).isEqualTo(MARKUP_NAME + " prop");
        assertThat(text(By.cssSelector(".summary"))).isEqualTo("1 version in 1 department: 1 active");
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(6)
    void showsAnApiErrorsProblemDetail() {
        open("#/asset?name=nobody&type=prop");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        assertThat(problem.getText()).contains("Not Found (404)", "nobody/prop is not registered");
    }

    @Test
    @Order(7)
    void isReadableAt400Pixels() {
        browser.manage().window().setSize(new Dimension(400, 900));
        try {
            open("#/asset?name=lamp_post&type=prop");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grid")));
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot("asset-400px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    @Order(8)
    void showsADryRunAsSuchWithItsReportToDownload() {
        long run = registry.loadAssets(LoadRequest.of(SAMPLE).withForce(true).withDryRun(true)).runId();

        open("#/runs/" + run);

        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".summary")));
        assertThat(summary.getText()).startsWith("Dry run of ").contains("asset_data.json");
        String download = browser.findElement(By.id("download-rejects")).getAttribute("href");
        assertThat(get(download).lines()).hasSize(3);
    }

    @Test
    @Order(9)
    void aRunningRunsPageFollowsItsCountsWithoutMovingTheFocus() throws Exception {
        // given: a load claimed by a live process of this host, which the page shows as running, and follows
        Process live = new ProcessBuilder("sleep", "60").start();
        long run = loads.startRun("load", "night.json", 1000, java.time.Instant.now());
        try {
            loads.claimRun(run, "c0ffee", live.pid() + RunOwner.CURRENT.substring(RunOwner.CURRENT.indexOf('@')));
            open("#/runs");
            open("#/runs/" + run); // not the page's first drawing, after which the heading takes the focus
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-progress")));
            WebElement back = browser.findElement(By.linkText("← Runs"));

            // when: the user moves on from the heading, and the run commits a chunk of 1,234 records
            browser.executeScript("arguments[0].focus()", back);
            loads.recordRead(run, 1_234, Instant.now());

            // then: the count follows, and the focus stays on the link, which is still the one on the page
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#run-counts div:first-child dd"), "1,234"));
            assertThat(text(By.id("run-progress"))).startsWith("Still running");
            assertThat(browser.switchTo().activeElement()).isEqualTo(back);
        } finally {
            live.destroy();
            loads.abandonRun(loads.findRun(run).orElseThrow());
        }
    }

    @Test
    @Order(10)
    void showsARunWhoseProcessEndedAsInterruptedWithNoReportToDownload() throws Exception {
        // given: a load claimed by a process of this host that has ended (last: it stays pending in this registry)
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long run = loads.startRun("load", "night.json", 1000, java.time.Instant.now());
        loads.claimRun(run, "c0ffee", ended.pid() + RunOwner.CURRENT.substring(RunOwner.CURRENT.indexOf('@')));

        // when
        open("#/runs/" + run);

        // then
        WebElement said = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-interrupted")));
        assertThat(said.getText()).startsWith("Interrupted at 0 % read: its process ended before the run finished")
                .endsWith("Load the same file again to resume it where its last commit left it.");
        assertThat(text(By.cssSelector(".run-status"))).isEqualTo("interrupted");
        assertThat(browser.findElements(By.id("download-rejects"))).isEmpty();
    }

    private void open(String hash) {
        browser.get("http://127.0.0.1:" + port + "/" + hash);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private List<String> ruleIds() {
        return browser.findElements(By.cssSelector("#rejects .rule-id")).stream().map(WebElement::getText).toList();
    }

    /** The name and type of each listed asset, read in one script: the list redraws as the search changes. */
    @SuppressWarnings("unchecked")
    private List<String> assetRows() {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll('table.assets tbody tr')]"
                + ".map(row => row.cells[0].textContent + ' ' + row.cells[1].textContent);");
    }

    private List<String> cells(String department) {
        return browser.findElements(By.cssSelector("tr[data-department='" + department + "'] td")).stream()
                .map(WebElement::getText).toList();
    }

    private void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
