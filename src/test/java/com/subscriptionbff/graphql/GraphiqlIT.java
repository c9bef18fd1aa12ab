package com.subscriptionbff.graphql;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GraphiQL in a real headless browser (Debian's chromium, driven by Selenium): its page and scripts come from the
 * service itself, so it works with no network, and a query typed into it runs. The browser is Debian's `chromium`
 * with `chromium-driver` (.ci/run installs them); on a machine without them the test is skipped, saying so.
 */
class GraphiqlIT extends IntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(),
                "no chromium and chromedriver here (apt-get install chromium chromium-driver): GraphiQL not tried");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        // no request may leave the machine: GraphiQL must need nothing but the service
                        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOwnerRunsAQueryInGraphiqlOpenedFromTheDemoLink() {
        String headers = "{\"Authorization\": \"Bearer " + tokens.issue(DemoData.OWNER) + "\"}";
        browser.get("http://localhost:" + port + "/graphiql?path=/graphql"
                + "&headers=" + URLEncoder.encode(headers, StandardCharsets.UTF_8)
                + "&query=" + URLEncoder.encode("{ viewer { displayName workspaces { name } } }", StandardCharsets.UTF_8));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-response"),
                "Alice Martin"));
        assertThat(browser.findElement(By.cssSelector(".graphiql-response")).getText())
                .contains("Acme Corp").doesNotContain("errors");
        List<LogEntry> failures = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("favicon.ico"))
                .toList();
        assertThat(failures).as("errors in the browser's console").isEmpty();
    }
}
