package org.campaign.launcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection group's workspace: year-end scores entered through the form give the total and grade (public
 * satisfaction taken from the mass evaluations), and a lagging unit is taken through the ledger's steps to cleared.
 */
class InspectionWorkspaceTest extends BrowserTest {

    @Test
    void anInspectorEntersYearEndScoresAndSeesTheTotalAndGrade() throws Exception {
        try (Browser browser = Browser.open(1440, 1400)) {
            browser.signIn(stack.appUrl(), "inspector-li");
            browser.testId("inspection-workspace");
            browser.testId("tab-assessment").click();
            WebElement form = browser.testId("assessment-form");
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#assessment-campaign option[value='" + WebStack.CAMPAIGN + "']")));
            new Select(form.findElement(By.id("assessment-campaign"))).selectByValue(WebStack.CAMPAIGN);
            browser.until(driver -> browser.testId("assessment-scheme").getText().contains("30%"));

            // Refused without scores: the service's 400 names the fields, shown beside them.
            form.findElement(By.id("assessment-subject")).sendKeys("web-east-river");
            form.findElement(By.id("assessment-township")).sendKeys(WebStack.EAST);
            browser.testId("assessment-submit").click();
            WebElement problem = browser.visible("[data-testid='assessment-form'] [data-testid='form-error']");
            assertThat(problem.getText()).contains("填写的内容有误", "岗位胜任度");
            assertThat(form.findElement(By.id("assessment-postCompetence")).getAttribute("aria-invalid")).isEqualTo("true");

            // 80 × 30 % + 85 × 30 % + 96.0 (42 + 6 of 50 satisfied in the mass evaluation) × 25 % + 90 × 15 % = 87.0
            form.findElement(By.id("assessment-postCompetence")).sendKeys("80");
            form.findElement(By.id("assessment-developmentContribution")).sendKeys("85");
            form.findElement(By.id("assessment-socialReputation")).sendKeys("90");
            form.findElement(By.id("assessment-from-evaluations")).click();
            assertThat(form.findElement(By.id("assessment-publicSatisfaction")).isEnabled()).isFalse();
            form.findElement(By.id("assessment-goodLeadership")).click();
            form.findElement(By.id("assessment-strongInServingThePublic")).click();
            browser.testId("assessment-submit").click();

            WebElement outcome = browser.testId("assessment-outcome");
            assertThat(outcome.getAttribute("data-grade")).isEqualTo("ADVANCED");
            assertThat(Double.parseDouble(outcome.getAttribute("data-total"))).isEqualTo(87.0);
            assertThat(browser.testId("assessment-grade").getText()).isEqualTo("先进");
            assertThat(outcome.getText()).contains("87.0", "96.0", "取自群众评议");
            browser.screenshot("inspection-assessment");
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));

            JsonNode stored = stack.get("inspection-tool", "/api/assessments/" + WebStack.CAMPAIGN + ":"
                    + LocalDate.now().getYear() + ":ORGANISATION:web-east-river").json();
            assertThat(stored.at("/assessment/checklist/goodLeadership").asBoolean()).isTrue();
            assertThat(stored.at("/assessment/checklist/goodMembership").asBoolean()).isFalse();
        }
    }

    @Test
    void aLaggingUnitIsTakenThroughTheLedgerStepsToCleared() throws Exception {
        JsonNode scored = stack.assess("web-west-clinic", WebStack.WEST, "50", "45", "40", "50");
        assertThat(scored.get("grade").asText()).isEqualTo("LAGGING");
        String ledgerId = scored.get("ledgerId").asText();
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "inspector-li");
            browser.testId("tab-ledger").click();
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ledger-filter-campaign option[value='"
                    + WebStack.CAMPAIGN + "']")));
            new Select(browser.driver.findElement(By.id("ledger-filter-campaign"))).selectByValue(WebStack.CAMPAIGN);
            new Select(browser.driver.findElement(By.id("ledger-filter-status"))).selectByValue("LISTED");
            browser.visible("[data-testid='ledger-list'][data-campaign='" + WebStack.CAMPAIGN + "'][data-status='LISTED']");
            assertThat(browser.all("[data-testid='ledger-row']")).extracting(r -> r.getAttribute("data-status"))
                    .containsOnly("LISTED");
            waitStatus(browser, ledgerId, "LISTED");
            new Select(browser.driver.findElement(By.id("ledger-filter-status"))).selectByValue("");
            browser.visible("[data-testid='ledger-list'][data-campaign='" + WebStack.CAMPAIGN + "'][data-status='']");

            step(browser, ledgerId, "leader", () -> browser.visible("#ledger-leader").sendKeys("leader-wang"));
            waitStatus(browser, ledgerId, "LEADER_ASSIGNED");
            browser.until(driver -> row(browser, ledgerId).getText().contains("leader-wang"));
            assertThat(row(browser, ledgerId).getText()).contains("已确定包联领导");

            step(browser, ledgerId, "measures", () -> {
                browser.visible("#ledger-measures").sendKeys("调整支部班子\n建立周学习制度");
                browser.setDate("ledger-due", LocalDate.now().plusMonths(3).toString());
            });
            waitStatus(browser, ledgerId, "RECTIFYING");

            step(browser, ledgerId, "progress", () -> browser.visible("#ledger-progress").sendKeys("班子已调整"));
            browser.until(driver -> row(browser, ledgerId).getText().contains("班子已调整"));

            // A failed final check keeps it on the ledger with the findings.
            step(browser, ledgerId, "check", () -> {
                new Select(browser.visible("#ledger-passed")).selectByValue("false");
                browser.visible("#ledger-findings").sendKeys("学习制度尚未落实");
            });
            browser.until(driver -> row(browser, ledgerId).getText().contains("学习制度尚未落实"));
            waitStatus(browser, ledgerId, "RECTIFYING");
            browser.screenshot("inspection-ledger-check-failed");

            // A second check without new progress is refused, and the refusal is shown in the dialog.
            step(browser, ledgerId, "check", () -> browser.visible("#ledger-findings").sendKeys("复查"));
            assertThat(browser.visible("[data-testid='ledger-dialog'] [data-testid='form-error']").getText())
                    .contains("当前状态下不能这样做");
            browser.visible("[data-testid='ledger-dialog'] button.ghost").click();

            step(browser, ledgerId, "progress", () -> browser.visible("#ledger-progress").sendKeys("每周学习已坚持八周"));
            browser.until(driver -> row(browser, ledgerId).getText().contains("每周学习已坚持八周"));
            step(browser, ledgerId, "check", () -> browser.visible("#ledger-findings").sendKeys("整顿达标"));
            waitStatus(browser, ledgerId, "CLEARED");
            browser.until(driver -> row(browser, ledgerId).findElements(By.cssSelector("button[data-step]")).isEmpty());
            assertThat(browser.testId("ledger-done").getText()).isEqualTo("已完成：验收。");
            browser.screenshot("inspection-ledger-cleared");
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));
        }
    }

    private static WebElement row(Browser browser, String ledgerId) {
        return browser.visible("[data-testid='ledger-row'][data-ledger-id='" + ledgerId + "']");
    }

    private static void waitStatus(Browser browser, String ledgerId, String status) {
        browser.until(driver -> status.equals(row(browser, ledgerId).getAttribute("data-status")));
    }

    /** Opens a step's dialog from the unit's row, fills it and submits it. */
    private static void step(Browser browser, String ledgerId, String step, Runnable fill) {
        browser.until(driver -> {
            row(browser, ledgerId).findElement(By.cssSelector("button[data-step='" + step + "']")).click();
            return true;
        });
        browser.testId("ledger-form-" + step);
        fill.run();
        browser.testId("ledger-submit").click();
    }
}
