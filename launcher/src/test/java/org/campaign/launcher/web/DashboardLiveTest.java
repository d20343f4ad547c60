package org.campaign.launcher.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leadership dashboard follows the figures live: a pledge fulfilled by a township's system through the API
 * shows on an open dashboard without reloading the page.
 */
class DashboardLiveTest extends BrowserTest {

    @Test
    void aPledgeFulfilledThroughTheApiAppearsOnAnOpenDashboardWithoutAReload() throws Exception {
        String pledge = stack.makePledge("east-township-system", "web-east-school", "为学生修建图书角 "
                + UUID.randomUUID().toString().substring(0, 6));
        stack.approve("east-township-system", pledge);
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "leadership");
            browser.testId("dashboard");
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='campaign-filter'] option[value='" + WebStack.CAMPAIGN + "']")));
            new Select(browser.testId("campaign-filter")).selectByValue(WebStack.CAMPAIGN);
            browser.until(driver -> !fulfilled(browser).isEmpty());
            browser.until(driver -> browser.testId("live-mode").getAttribute("data-mode").matches("stream|polling"));
            long before = Long.parseLong(fulfilled(browser));
            browser.script("window.dashboardNotReloaded = true;");

            stack.fulfil("east-township-system", pledge);

            browser.waiting(Duration.ofSeconds(45)).until(driver -> Long.parseLong(fulfilled(browser)) > before);
            assertThat(Long.parseLong(fulfilled(browser))).isEqualTo(before + 1);
            assertThat(browser.script("return window.dashboardNotReloaded === true")).isEqualTo(true);
            System.out.println("[web] dashboard followed the figures by " + browser.testId("live-mode").getAttribute("data-mode"));

            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='ranking'] tr[data-key='" + WebStack.WEST + "']")));
            assertThat(browser.all("[data-testid='ranking'] tr[data-key='" + WebStack.EAST + "']")).hasSize(1);
            assertThat(browser.all("[data-testid='chart-sector'] canvas")).isNotEmpty();
            assertThat(browser.all("[data-testid='chart-township'] canvas")).isNotEmpty();
            assertThat(browser.testId("tile-rate").getText()).endsWith("%");
            // The test district's two closed mass evaluations arrive on their own topic: the tile shows their rate.
            browser.waiting(Duration.ofSeconds(45)).until(driver -> browser.testId("tile-satisfaction").getText()
                    .endsWith("%"));
            browser.screenshot("dashboard");

            browser.visible("[data-testid='ranking'] tr[data-key='" + WebStack.EAST + "'] button").click();
            browser.until(driver -> browser.testId("drill-down").getText().contains("柳湾村党支部"));
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.startsWith("SEVERE") || line.contains("Content Security Policy"));
        }
    }

    private static String fulfilled(Browser browser) {
        return browser.driver.findElement(By.cssSelector("[data-testid='tile-fulfilled']")).getAttribute("data-value");
    }
}
