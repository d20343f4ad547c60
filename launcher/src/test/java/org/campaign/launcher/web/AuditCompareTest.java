package org.campaign.launcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor compares the headline figures at two dates: before the demo district was recorded (nothing yet) and
 * after it, side by side with the difference, as the summary report gives them as of each date.
 */
class AuditCompareTest extends BrowserTest {

    @Test
    void theAuditorComparesTheFiguresAtTwoDates() throws Exception {
        // Every event of this stack was recorded today; a day after tomorrow is past them in any time zone.
        String before = LocalDate.now().minusDays(3).toString();
        String after = LocalDate.now().plusDays(2).toString();
        try (Browser browser = Browser.open(1440, 1400)) {
            browser.signIn(stack.appUrl(), "auditor");
            browser.driver.get(stack.appUrl() + "/#/audit");
            WebElement form = browser.testId("compare-form");
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#compare-campaign option[value='" + WebStack.CAMPAIGN + "']")));
            new Select(form.findElement(By.id("compare-campaign"))).selectByValue(WebStack.CAMPAIGN);

            // Without a date the form says which one is missing, beside it.
            browser.setDate("compare-from", "");
            browser.testId("compare-submit").click();
            assertThat(browser.visible("#compare-from + small.field-error")
                    .getText()).contains("日期一", "必须填写");

            browser.setDate("compare-from", before);
            browser.setDate("compare-to", after);
            browser.testId("compare-submit").click();
            // The figures as of a date are folded from the whole event log, which takes a moment.
            try {
                browser.waiting(Duration.ofSeconds(45)).until(driver -> !browser.all("[data-testid='compare-table']").isEmpty()
                        || !browser.all("[data-testid='compare-form'] [data-testid='form-error']:not([hidden])").isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("audit-compare-timeout");
                System.out.println("[web] compare form: " + browser.testId("compare-form").getText());
                browser.console().forEach(line -> System.out.println("[web] console: " + line));
                throw e;
            }
            assertThat(browser.all("[data-testid='compare-form'] [data-testid='form-error']:not([hidden])"))
                    .as("the service's refusal").extracting(WebElement::getText).isEmpty();
            WebElement table = browser.testId("compare-table");
            assertThat(table.getAttribute("data-from")).isEqualTo(before);
            assertThat(table.getText()).contains("截至 " + before, "截至 " + after, "差额");

            JsonNode then = stack.get("audit-tool", "/api/reports/pledges/summary?campaignId=" + WebStack.CAMPAIGN
                    + "&asOf=" + after).json();
            WebElement made = browser.visible("[data-testid='compare-table'] tr[data-key='made']");
            assertThat(made.getAttribute("data-from")).isEqualTo("0");
            assertThat(made.getAttribute("data-to")).isEqualTo(then.get("made").asText());
            assertThat(Long.parseLong(made.getAttribute("data-difference"))).isEqualTo(then.get("made").asLong())
                    .isPositive();
            WebElement fulfilled = browser.visible("[data-testid='compare-table'] tr[data-key='fulfilled']");
            assertThat(fulfilled.getAttribute("data-to")).isEqualTo(then.get("fulfilled").asText());
            assertThat(fulfilled.getText()).contains("+" + then.get("fulfilled").asText());
            browser.screenshot("audit-compare");
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));
        }
    }
}
