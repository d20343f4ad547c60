package org.campaign.launcher.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency workspace: a clerk records a pledge through the form and sees it listed, takes it through its next
 * step, is told in words what the service refused — and a clerk of another township sees none of it.
 */
class AgencyWorkspaceTest {

    static WebStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Browser.requireInstalled();
        stack = WebStack.get();
    }

    @Test
    void aClerkMakesAPledgeThroughTheFormSeesItListedAndApprovesIt() throws Exception {
        String title = "建设村民文化广场一处 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "east-clerk");
            WebElement form = browser.testId("pledge-form");
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#pledge-campaign option[value='" + WebStack.CAMPAIGN + "']")));
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#pledge-pledger option[value='web-east-willow']")));
            new Select(form.findElement(By.id("pledge-campaign"))).selectByValue(WebStack.CAMPAIGN);
            new Select(form.findElement(By.id("pledge-pledger"))).selectByValue("web-east-willow");
            new Select(form.findElement(By.id("pledge-focus"))).selectByValue("PUBLIC_WISHES");
            form.findElement(By.id("pledge-title")).sendKeys(title);
            form.findElement(By.id("pledge-quantity")).sendKeys("1");
            form.findElement(By.id("pledge-unit")).sendKeys("处");
            setDate(browser, "pledge-deadline", WebStack.deadline().toString());
            browser.testId("pledge-submit").click();

            assertThat(browser.testId("pledge-made").getText()).isEqualTo("承诺已登记。");
            WebElement row = row(browser, title);
            assertThat(row.getAttribute("data-status")).isEqualTo("MADE");
            assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("待审核");
            browser.screenshot("agency-pledge-made");

            row.findElement(By.cssSelector("button[data-action='approve']")).click();
            browser.testId("action-dialog");
            browser.testId("action-submit").click();
            browser.until(driver -> "APPROVED".equals(row(browser, title).getAttribute("data-status"))
                    && "已审核".equals(row(browser, title).findElement(By.cssSelector(".status")).getText())
                    && row(browser, title).findElements(By.cssSelector("button[data-action='fulfil']")).size() == 1);
            assertThat(browser.testId("action-done").getText()).isEqualTo("已完成：审核通过。");
        }
    }

    @Test
    void theServicesRefusalIsShownBesideTheFieldsInWordsAClerkUnderstands() throws Exception {
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "east-clerk");
            browser.testId("pledge-form");
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#pledge-pledger option[value='web-east-willow']")));
            new Select(browser.driver.findElement(By.id("pledge-pledger"))).selectByValue("web-east-willow");
            browser.testId("pledge-submit").click();

            WebElement problem = browser.visible("[data-testid='pledge-form'] [data-testid='form-error']");
            assertThat(problem.getText()).contains("填写的内容有误", "承诺内容", "办结时限", "必须填写");
            WebElement title = browser.driver.findElement(By.id("pledge-title"));
            assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(title.findElement(By.xpath("./following-sibling::small[contains(@class,'field-error')]"))
                    .getText()).isEqualTo("承诺内容 必须填写");
            assertThat(browser.driver.findElement(By.id("pledge-deadline")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            browser.screenshot("agency-form-errors");
        }
    }

    @Test
    void aClerkOfAnotherTownshipSeesNoneOfThisTownshipsRecords() throws Exception {
        String eastPledge = stack.makePledge("east-township-system", "web-east-river", "东镇专属承诺 "
                + UUID.randomUUID().toString().substring(0, 6));
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "west-clerk");
            assertThat(browser.testId("agency-workspace").getAttribute("data-agency")).isEqualTo("west-township");
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='pledge-row']")));
            List<String> pledges = browser.all("[data-testid='pledge-row']").stream()
                    .map(row -> row.getAttribute("data-pledge-id")).toList();
            List<String> titles = browser.all("[data-testid='pledge-row'] .pledge-title").stream()
                    .map(WebElement::getText).toList();
            assertThat(pledges).doesNotContain(eastPledge);
            assertThat(titles).anyMatch(t -> t.startsWith("清理河道2公里"));
            assertThat(titles).noneMatch(t -> t.startsWith("硬化村道3公里") || t.startsWith("东镇专属承诺"));

            browser.testId("tab-organisations").click();
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='org-row'][data-id='web-west-pine']")));
            assertThat(browser.all("[data-testid='org-row']")).extracting(row -> row.getAttribute("data-id"))
                    .doesNotContain("web-east-willow", "web-east-river", "east-township");
            browser.screenshot("agency-west-organisations");

            // Not only hidden: the service refuses the west clerk's own token on an east pledge.
            Object status = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = JSON.parse(sessionStorage.getItem('campaign.session')).accessToken;
                    fetch('/api/pledges/' + arguments[0], { headers: { Authorization: 'Bearer ' + token } })
                      .then(r => done(r.status), e => done(String(e)));""", eastPledge);
            assertThat(status).isEqualTo(403L);
            browser.testId("tab-pledges").click();
        }
    }

    private static WebElement row(Browser browser, String title) {
        return browser.until(driver -> driver.findElements(By.cssSelector("[data-testid='pledge-row']")).stream()
                .filter(row -> row.findElement(By.cssSelector(".pledge-title")).getText().startsWith(title))
                .findFirst().orElse(null));
    }

    /** Date inputs take their value in the page's locale format when typed; the value is set as ISO instead. */
    private static void setDate(Browser browser, String id, String isoDate) {
        browser.script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('input', { bubbles: true }));"
                + "input.dispatchEvent(new Event('change', { bubbles: true }));", id, isoDate);
    }
}
