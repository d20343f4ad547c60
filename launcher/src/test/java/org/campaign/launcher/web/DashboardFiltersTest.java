package org.campaign.launcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's month-by-month chart and the review coverage of a round, and its filters: a township shows that
 * township's subtree, a sector the sector's row of the summary, and the page says which filter is active.
 */
class DashboardFiltersTest extends BrowserTest {

    @Test
    void theDashboardShowsFulfilmentByMonthAndTheReviewCoverageOfARound() throws Exception {
        String round = LocalDate.now().getYear() + "-R1";
        try (Browser browser = Browser.open(1440, 1600)) {
            openCampaign(browser);

            browser.until(driver -> !dataset(browser, "[data-testid='chart-timeline']", "points").isEmpty()
                    && Long.parseLong(dataset(browser, "[data-testid='chart-timeline']", "made")) > 0);
            assertThat(browser.all("[data-testid='chart-timeline'] canvas")).isNotEmpty();
            assertThat(Integer.parseInt(dataset(browser, "[data-testid='chart-timeline']", "points"))).isPositive();
            assertThat(browser.visible("[data-testid='chart-timeline']").findElement(By.xpath("..")).getText())
                    .contains("逐月承诺与兑现");

            browser.until(driver -> !browser.testId("tile-coverage").getText().equals("–"));
            assertThat(browser.testId("tile-coverage").getText()).endsWith("%");
            assertThat(browser.visible(".tile-coverage .tile-label").getText()).isEqualTo("点评覆盖率（任意轮次）");

            WebElement roundInput = browser.testId("round-filter");
            roundInput.sendKeys(round, Keys.TAB);
            browser.until(ExpectedConditions.textToBe(By.cssSelector(".tile-coverage .tile-label"),
                    "点评覆盖率（" + round + "）"));
            // The tile shows the share the coverage report gives for that round.
            browser.waiting(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                try {
                    JsonNode coverage = stack.get("leadership-dashboard", "/api/reports/coverage?campaignId="
                            + WebStack.CAMPAIGN + "&round=" + round).json();
                    double share = coverage.at("/organisationsReviewed/share").asDouble();
                    String shown = browser.testId("tile-coverage").getAttribute("data-value");
                    return !shown.isEmpty() && Double.parseDouble(shown) == share && share > 0;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(browser.testId("active-filter").getText()).contains("全区", round);
            assertThat(browser.testId("tile-coverage-note").getText()).contains("个组织");
            browser.screenshot("dashboard-timeline-coverage");
            roundInput.clear();
            roundInput.sendKeys(Keys.TAB);
            browser.until(ExpectedConditions.textToBe(By.cssSelector(".tile-coverage .tile-label"), "点评覆盖率（任意轮次）"));
        }
    }

    @Test
    void aTownshipShowsItsOwnFiguresAndASectorItsRowOfTheSummary() throws Exception {
        try (Browser browser = Browser.open(1440, 1600)) {
            openCampaign(browser);
            browser.until(driver -> !dataset(browser, "[data-testid='tile-made']", "value").isEmpty());
            assertThat(browser.testId("active-filter").getAttribute("data-scope")).isEqualTo("district");

            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='township-filter'] option[value='" + WebStack.EAST + "']")));
            new Select(browser.testId("township-filter")).selectByValue(WebStack.EAST);
            browser.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid='active-filter']"), "data-scope",
                    "township"));
            assertThat(browser.testId("active-filter").getText()).contains("东镇党委");
            // The tiles show the township's subtree as the organisation report gives it, not the district's figures.
            browser.waiting(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                try {
                    JsonNode east = stack.get("leadership-dashboard", "/api/reports/organisations/" + WebStack.EAST
                            + "?campaignId=" + WebStack.CAMPAIGN).json().at("/figures/pledges");
                    JsonNode district = stack.get("leadership-dashboard", "/api/reports/pledges/summary?campaignId="
                            + WebStack.CAMPAIGN).json();
                    return east.get("made").asLong() < district.get("made").asLong()
                            && String.valueOf(east.get("made").asLong()).equals(dataset(browser, "[data-testid='tile-made']", "value"))
                            && String.valueOf(east.get("fulfilled").asLong()).equals(dataset(browser, "[data-testid='tile-fulfilled']", "value"))
                            // the month chart counts the township's pledges too
                            && String.valueOf(east.get("made").asLong()).equals(dataset(browser, "[data-testid='chart-timeline']", "made"));
                } catch (Exception e) {
                    return false;
                }
            });
            browser.until(driver -> browser.visible("[data-testid='chart-township']").findElement(By.xpath(".."))
                    .getText().contains("东镇党委 下属组织"));
            assertThat(browser.all("[data-testid='ranking'] tr.selected[data-key='" + WebStack.EAST + "']")).hasSize(1);
            browser.screenshot("dashboard-township-filter");

            new Select(browser.testId("sector-filter")).selectByValue("PUBLIC_INSTITUTION");
            browser.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid='active-filter']"), "data-scope",
                    "sector"));
            assertThat(browser.testId("active-filter").getText()).contains("事业单位");
            assertThat(new Select(browser.testId("township-filter")).getFirstSelectedOption().getAttribute("value"))
                    .as("one filter at a time").isEmpty();
            browser.waiting(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                try {
                    JsonNode summary = stack.get("leadership-dashboard", "/api/reports/pledges/summary?campaignId="
                            + WebStack.CAMPAIGN).json();
                    for (JsonNode row : summary.get("bySector")) {
                        if (row.get("key").asText().equals("PUBLIC_INSTITUTION")) {
                            return String.valueOf(row.get("made").asLong())
                                    .equals(dataset(browser, "[data-testid='tile-made']", "value"))
                                    && row.get("made").asLong() < summary.get("made").asLong();
                        }
                    }
                    return false;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(browser.testId("tile-reviews-note").getText()).contains("全区");
            browser.screenshot("dashboard-sector-filter");

            browser.testId("clear-filter").click();
            browser.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid='active-filter']"), "data-scope",
                    "district"));
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.startsWith("SEVERE") || line.contains("Content Security Policy"));
        }
    }

    private static void openCampaign(Browser browser) {
        browser.signIn(stack.appUrl(), "leadership");
        browser.testId("dashboard");
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='campaign-filter'] option[value='" + WebStack.CAMPAIGN + "']")));
        new Select(browser.testId("campaign-filter")).selectByValue(WebStack.CAMPAIGN);
    }

    private static String dataset(Browser browser, String css, String name) {
        String value = browser.driver.findElement(By.cssSelector(css)).getAttribute("data-" + name);
        return value == null ? "" : value;
    }
}
