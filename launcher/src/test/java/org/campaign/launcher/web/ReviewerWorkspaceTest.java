package org.campaign.launcher.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewer checks a rectification the reviewed township reported completed: reopens it, and once it is reported
 * completed again, accepts it.
 */
class ReviewerWorkspaceTest extends BrowserTest {

    @Test
    void aReviewerReopensAndThenAcceptsARectification() throws Exception {
        String review = stack.recordReview("review-tool", "web-east-willow", WebStack.EAST, "在公开栏公示承诺");
        stack.commitAndComplete("east-township-system", review);
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "leader-wang");
            lookUp(browser, review);
            browser.until(driver -> "COMPLETED".equals(status(browser)));
            assertThat(browser.testId("review-details").getText()).contains("已在公开栏公示", "在公开栏公示承诺");

            browser.testId("reopen-submit").click();
            assertThat(browser.visible("[data-testid='reopen-form'] [data-testid='form-error']").getText())
                    .contains("原因");
            browser.visible("[data-testid='reopen-form'] textarea[name='reason']").sendKeys("公示内容不全");
            browser.testId("reopen-submit").click();
            browser.until(driver -> "REOPENED".equals(status(browser)));
            assertThat(browser.testId("rectification-done").getText()).isEqualTo("已退回重新整改。");
            assertThat(browser.all("[data-testid='accept-form']")).as("nothing to accept until completed again").isEmpty();

            stack.commitAndComplete("east-township-system", review);
            lookUp(browser, review);
            browser.until(driver -> "COMPLETED".equals(status(browser)));
            browser.visible("[data-testid='accept-form'] textarea[name='comment']").sendKeys("整改到位");
            browser.testId("accept-submit").click();
            browser.until(driver -> "ACCEPTED".equals(status(browser)));
            assertThat(browser.testId("rectification-status").getText()).isEqualTo("已验收");
            browser.screenshot("review-rectification-accepted");
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));
        }
    }

    private static void lookUp(Browser browser, String review) {
        WebElement input = browser.testId("review-lookup");
        input.clear();
        input.sendKeys(review);
        browser.testId("review-lookup-submit").click();
    }

    private static String status(Browser browser) {
        return browser.driver.findElements(By.cssSelector("[data-testid='rectification-status']")).stream()
                .map(element -> element.getAttribute("data-status")).findFirst().orElse(null);
    }
}
