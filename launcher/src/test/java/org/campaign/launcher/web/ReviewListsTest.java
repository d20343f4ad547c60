package org.campaign.launcher.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding reviews: the clerk of the reviewed township finds a review of one of its organisations in the list of its
 * reviews and answers it there — the rectification statement, then the completion report; the reviewer then finds
 * it among the reviews awaiting their acceptance, opens it and accepts it.
 */
class ReviewListsTest extends BrowserTest {

    @Test
    void aClerkAnswersAReviewFromTheListAndTheReviewerFindsItAwaitingAcceptance() throws Exception {
        String review = stack.recordReview("review-tool", "web-east-willow", WebStack.EAST, "建立党员联系户制度");
        String row = "[data-testid='agency-review-row'][data-review-id='" + review + "']";
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "east-clerk");
            browser.testId("tab-reviews").click();
            assertThat(browser.visible(row).getAttribute("data-status")).isEqualTo("REQUIRED");
            assertThat(browser.visible(row).getText()).contains("柳湾村党支部", "建立党员联系户制度", "待表态");

            browser.visible(row + " button[data-action='commit']").click();
            browser.testId("review-answer-submit").click();
            assertThat(browser.visible("[data-testid='review-answer-commit'] [data-testid='form-error']").getText())
                    .contains("整改表态");
            browser.visible("[data-testid='review-answer-commit'] textarea[name='statement']")
                    .sendKeys("本月内建立党员联系户制度");
            browser.testId("review-answer-submit").click();
            browser.until(driver -> "COMMITTED".equals(browser.visible(row).getAttribute("data-status")));
            assertThat(browser.testId("review-answer-done").getText()).isEqualTo("整改表态已记录。");
            assertThat(browser.visible(row).getText()).contains("本月内建立党员联系户制度");
            browser.screenshot("agency-review-committed");

            browser.visible(row + " button[data-action='complete']").click();
            browser.visible("[data-testid='review-answer-complete'] textarea[name='report']").sendKeys("制度已建立并公示");
            browser.testId("review-answer-submit").click();
            browser.until(driver -> "COMPLETED".equals(browser.visible(row).getAttribute("data-status")));
            assertThat(browser.all(row + " button")).as("nothing more to answer until the reviewer checks it")
                    .isEmpty();
        }

        String item = "[data-testid='my-review'][data-review-id='" + review + "']";
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "leader-wang");
            browser.visible(item);
            new Select(browser.visible("#my-reviews-status")).selectByValue("COMPLETED");
            browser.until(driver -> "COMPLETED".equals(browser.testId("my-reviews").getAttribute("data-status")));
            assertThat(browser.all("[data-testid='my-review']")).as("only reviews awaiting acceptance")
                    .allMatch(element -> "COMPLETED".equals(element.getAttribute("data-status")));
            browser.visible(item + " [data-testid='my-review-open']").click();
            browser.until(driver -> "COMPLETED".equals(browser.visible("[data-testid='rectification-status']")
                    .getAttribute("data-status")));
            assertThat(browser.testId("review-details").getText()).contains("本月内建立党员联系户制度", "制度已建立并公示");
            browser.screenshot("review-my-reviews-awaiting-acceptance");

            browser.testId("accept-submit").click();
            browser.until(driver -> "ACCEPTED".equals(browser.visible("[data-testid='rectification-status']")
                    .getAttribute("data-status")));
            browser.until(driver -> driver.findElements(By.cssSelector(item)).isEmpty());
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));
        }
    }
}
