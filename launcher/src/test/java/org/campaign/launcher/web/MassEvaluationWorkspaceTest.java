package org.campaign.launcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mass evaluation run over time in the inspection workspace: opened from the form, two tallies entered on
 * separate occasions and a ballot recorded, each showing in the running counts; a second ballot of the same
 * respondent refused with the service's reason; closed, and its satisfaction rate shown among the closed ones.
 */
class MassEvaluationWorkspaceTest extends BrowserTest {

    @Test
    void anInspectorOpensAnEvaluationAddsTalliesAndABallotOverTimeAndClosesIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String round = "R-" + run;
        String phone = "139 0000 " + run;
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "inspector-li");
            browser.testId("tab-evaluation").click();
            WebElement form = browser.testId("evaluation-form");
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#evaluation-campaign option[value='" + WebStack.CAMPAIGN + "']")));
            new Select(form.findElement(By.id("evaluation-campaign"))).selectByValue(WebStack.CAMPAIGN);
            form.findElement(By.id("evaluation-round")).sendKeys(round);

            // Refused without an organisation: the field is named beside it.
            browser.testId("evaluation-open").click();
            browser.visible("[data-testid='evaluation-form'] [data-testid='form-error']");
            browser.until(driver -> "true".equals(
                    form.findElement(By.id("evaluation-organisation")).getAttribute("aria-invalid")));

            form.findElement(By.id("evaluation-organisation")).sendKeys("web-east-school");
            form.findElement(By.id("evaluation-method-PHONE_CALLS")).click();
            browser.testId("evaluation-open").click();
            assertThat(browser.testId("evaluation-opened").getText()).contains("群众评议已开启");
            String id = row(browser, round).getAttribute("data-evaluation-id");
            assertThat(row(browser, round).getText()).contains("web-east-school", WebStack.EAST, "进行中");

            // The meeting's count, then the ballot box's a day later: each adds to the running counts.
            tally(browser, round, "30", "5", "3");
            waitCounts(browser, round, "30", "5", "3");
            tally(browser, round, "12", "2", "1");
            waitCounts(browser, round, "42", "7", "4");
            assertThat(row(browser, round).findElement(By.cssSelector("[data-testid='evaluation-counts']")).getText())
                    .contains("满意 42", "基本满意 7", "不满意 4", "统计结果 2 次");
            browser.screenshot("inspection-evaluation-tallies");

            ballot(browser, round, phone);
            waitCounts(browser, round, "43", "7", "4");
            assertThat(browser.testId("evaluation-done").getText()).isEqualTo("已完成：登记评议票。");

            // The same respondent again, written without spaces: refused, and the dialog says why.
            String loaded = list(browser).getAttribute("data-loaded");
            ballot(browser, round, phone.replace(" ", ""));
            WebElement refusal = browser.visible("[data-testid='evaluation-dialog'] [data-testid='form-error']");
            assertThat(refusal.getText()).contains("当前状态下不能这样做",
                    "This respondent has already answered mass evaluation " + id);
            browser.screenshot("inspection-evaluation-refused-ballot");
            // A refusal for the evaluation's state reloads the list: once it has, the counts still hold one ballot.
            browser.until(driver -> !loaded.equals(list(browser).getAttribute("data-loaded")));
            browser.visible("[data-testid='evaluation-dialog'] button.ghost").click();
            waitCounts(browser, round, "43", "7", "4");
            assertThat(row(browser, round).findElement(By.cssSelector("[data-testid='evaluation-counts']")).getText())
                    .contains("满意 43", "个人评议票 1 张", "统计结果 2 次");
            JsonNode afterRefusal = stack.get("inspection-tool", "/api/evaluations/" + id).json();
            assertThat(afterRefusal.get("ballots").asInt()).isEqualTo(1);
            assertThat(afterRefusal.get("satisfied").asInt()).isEqualTo(43);

            step(browser, round, "close", () -> { });
            browser.until(driver -> browser.all(rowSelector(round)).isEmpty());
            new Select(browser.driver.findElement(By.id("evaluation-filter-open"))).selectByValue("false");
            browser.visible("[data-testid='evaluation-list'][data-open='false']");
            // (43 + 7) / 54 = 92.59…% → 92.6
            browser.until(driver -> "true".equals(row(browser, round).getAttribute("data-closed")));
            assertThat(row(browser, round).findElement(By.cssSelector("[data-testid='evaluation-rate']")).getText())
                    .isEqualTo("满意率 92.6%");
            assertThat(row(browser, round).findElements(By.cssSelector("button[data-step]"))).isEmpty();
            browser.screenshot("inspection-evaluation-closed");
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));

            JsonNode stored = stack.get("inspection-tool", "/api/evaluations/" + id).json();
            assertThat(stored.get("satisfactionRate").decimalValue()).isEqualByComparingTo("92.6");
            assertThat(stored.get("ballots").asInt()).isEqualTo(1);
            assertThat(stored.toString()).doesNotContain(phone, phone.replace(" ", ""));
        }
    }

    private static String rowSelector(String round) {
        return "[data-testid='evaluation-row'][data-round='" + round + "']";
    }

    private static WebElement list(Browser browser) {
        return browser.testId("evaluation-list");
    }

    private static WebElement row(Browser browser, String round) {
        return browser.visible(rowSelector(round));
    }

    private static void waitCounts(Browser browser, String round, String satisfied, String basicallySatisfied,
                                   String dissatisfied) {
        browser.until(driver -> {
            WebElement row = row(browser, round);
            return satisfied.equals(row.getAttribute("data-satisfied"))
                    && basicallySatisfied.equals(row.getAttribute("data-basically-satisfied"))
                    && dissatisfied.equals(row.getAttribute("data-dissatisfied"));
        });
    }

    private static void tally(Browser browser, String round, String satisfied, String basicallySatisfied,
                              String dissatisfied) {
        step(browser, round, "tally", () -> {
            // Phone calls are answered one by one: a tally is offered the counted methods only.
            assertThat(new Select(browser.visible("#tally-method")).getOptions())
                    .extracting(option -> option.getAttribute("value")).doesNotContain("PHONE_CALLS").isNotEmpty();
            type(browser, "tally-satisfied", satisfied);
            type(browser, "tally-basicallySatisfied", basicallySatisfied);
            type(browser, "tally-dissatisfied", dissatisfied);
        });
    }

    private static void ballot(Browser browser, String round, String respondent) {
        step(browser, round, "ballot", () -> {
            browser.visible("#ballot-respondent").sendKeys(respondent);
            new Select(browser.visible("#ballot-method")).selectByValue("PHONE_CALLS");
            new Select(browser.visible("#ballot-answer")).selectByValue("SATISFIED");
            browser.visible("#ballot-comment").sendKeys("学校周边交通好多了");
        });
    }

    private static void type(Browser browser, String id, String value) {
        WebElement input = browser.visible("#" + id);
        input.clear();
        input.sendKeys(value);
    }

    /** Opens a step's dialog from the evaluation's row, fills it and submits it. */
    private static void step(Browser browser, String round, String step, Runnable fill) {
        browser.until(driver -> {
            row(browser, round).findElement(By.cssSelector("button[data-step='" + step + "']")).click();
            return true;
        });
        browser.testId("evaluation-form-" + step);
        fill.run();
        browser.testId("evaluation-submit").click();
    }
}
