package org.campaign.launcher.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The app speaks Chinese by default and English at the press of the language toggle, and remembers the choice. */
class LanguageSwitchTest extends BrowserTest {

    @Test
    void theLanguageToggleSwitchesBetweenChineseAndEnglish() throws Exception {
        String app = stack.appUrl();
        try (Browser browser = Browser.open()) {
            browser.signIn(app, "leadership");
            browser.testId("dashboard");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(browser.testId("nav-dashboard").getText()).isEqualTo("统计大屏");
            assertThat(browser.visible(".dashboard h1").getText()).isEqualTo("创先争优活动统计");
            assertThat(browser.testId("lang-toggle").getText()).isEqualTo("English");

            browser.testId("lang-toggle").click();
            browser.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            browser.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='nav-dashboard']"), "Dashboard"));
            assertThat(browser.visible(".dashboard h1").getText()).isEqualTo("Campaign statistics");
            assertThat(browser.visible(".tile-made .tile-label").getText()).isEqualTo("Pledges made");
            assertThat(browser.visible(".tile-coverage .tile-label").getText()).isEqualTo("Organisations reviewed (any round)");
            assertThat(browser.testId("active-filter").getText()).isEqualTo("Showing: the whole district");
            assertThat(browser.visible("[data-testid='chart-timeline']").findElement(By.xpath(".."))
                    .getText()).contains("Pledges made and fulfilled by month");
            assertThat(browser.testId("user-role").getText()).isEqualTo("Leadership group");
            assertThat(browser.testId("lang-toggle").getText()).isEqualTo("中文");
            browser.screenshot("dashboard-english");

            browser.driver.navigate().refresh();
            browser.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='nav-dashboard']"), "Dashboard"));

            browser.testId("lang-toggle").click();
            browser.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='nav-dashboard']"), "统计大屏"));
            assertThat(browser.visible(".tile-made .tile-label").getText()).isEqualTo("承诺总数");
        }
    }
}
