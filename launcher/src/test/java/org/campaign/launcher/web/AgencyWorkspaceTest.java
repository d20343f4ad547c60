package org.campaign.launcher.web;

import org.campaign.launcher.StackClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency workspace: a clerk records a pledge through the form and sees it listed, takes it through its next
 * step, is told in words what the service refused — and a clerk of another township sees none of it.
 */
class AgencyWorkspaceTest extends BrowserTest {

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
            browser.setDate("pledge-deadline", StackClient.deadlineBeyondTheTests().toString());
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
    void aClerkImportsAFileAndFindsItAgainAmongTheRecentImports() throws Exception {
        Path file = Files.createTempFile("members-", ".csv");
        Files.writeString(file, "memberId,name,organisationId,category\r\nweb-import-"
                + UUID.randomUUID().toString().substring(0, 6) + ",王五,web-east-willow,FARMER\r\n");
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "east-clerk");
            browser.testId("tab-transfer").click();
            new Select(browser.driver.findElement(By.id("import-kind"))).selectByValue("members");
            browser.driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
            browser.testId("import-submit").click();
            assertThat(browser.testId("import-summary").getText()).startsWith("导入完成");

            // Back on the page later, the clerk finds the import first in the list and shows its result again.
            browser.driver.navigate().refresh();
            browser.until(driver -> newestImport(browser) != null);
            WebElement newest = newestImport(browser);
            assertThat(newest.getAttribute("data-status")).isEqualTo("DONE");
            assertThat(newest.findElements(By.tagName("td"))).extracting(WebElement::getText)
                    .contains("党员", "已完成", "1");
            assertThat(browser.all("[data-testid='import-summary']")).isEmpty();
            newest.findElement(By.cssSelector("button.link")).click();
            assertThat(browser.testId("import-summary").getText()).startsWith("导入完成");
            browser.screenshot("agency-recent-imports");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static WebElement newestImport(Browser browser) {
        List<WebElement> rows = browser.all("[data-testid='import-row']");
        return rows.isEmpty() ? null : rows.get(0);
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
        }
    }

    @Test
    void aClerkRevisesAPledgeTheSuperiorSentBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String pledge = stack.makePledge("east-township-system", "web-east-willow", "改善村容村貌 " + suffix);
        stack.sendBack("east-township-system", pledge, "目标不够具体，请写明数量");
        String revised = "新建垃圾收集点8处 " + suffix;
        try (Browser browser = Browser.open(1440, 1200)) {
            browser.signIn(stack.appUrl(), "east-clerk");
            browser.testId("pledge-list");
            new Select(browser.driver.findElement(By.id("filter-status"))).selectByValue("SENT_BACK");
            browser.visible("[data-testid='pledge-list'] tbody[data-status='SENT_BACK']");
            WebElement row = browser.visible("[data-testid='pledge-row'][data-pledge-id='" + pledge + "']");
            assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("已退回");
            row.findElement(By.cssSelector("button[data-action='revise']")).click();

            WebElement form = browser.testId("action-form-revise");
            assertThat(browser.testId("sent-back-reasons").getText()).contains("目标不够具体，请写明数量");
            WebElement title = form.findElement(By.id("revise-title"));
            assertThat(title.getAttribute("value")).isEqualTo("改善村容村貌 " + suffix);
            assertThat(form.findElement(By.id("revise-deadline")).getAttribute("value"))
                    .isEqualTo(StackClient.deadlineBeyondTheTests().toString());
            title.clear();
            browser.testId("action-submit").click();
            assertThat(browser.visible("[data-testid='action-form-revise'] [data-testid='form-error']").getText())
                    .contains("承诺内容");
            assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");

            title.sendKeys(revised);
            form.findElement(By.id("revise-quantity")).sendKeys("8");
            form.findElement(By.id("revise-unit")).sendKeys("处");
            browser.screenshot("agency-revise");
            browser.testId("action-submit").click();
            assertThat(browser.testId("action-done").getText()).isEqualTo("已完成：修改后重新报审。");

            new Select(browser.driver.findElement(By.id("filter-status"))).selectByValue("REVISED");
            browser.visible("[data-testid='pledge-list'] tbody[data-status='REVISED']");
            WebElement again = browser.visible("[data-testid='pledge-row'][data-pledge-id='" + pledge + "']");
            assertThat(again.getAttribute("data-status")).isEqualTo("REVISED");
            assertThat(again.findElement(By.cssSelector(".pledge-title")).getText()).startsWith(revised);
            assertThat(again.findElements(By.cssSelector("button[data-action='approve']"))).hasSize(1);
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));
        }
        WebStack.Answer stored = stack.get("east-township-system", "/api/pledges/" + pledge);
        assertThat(stored.json().at("/pledge/status").asText()).isEqualTo("REVISED");
        assertThat(stored.json().at("/pledge/target/unit").asText()).isEqualTo("处");
    }

    private static WebElement row(Browser browser, String title) {
        return browser.until(driver -> driver.findElements(By.cssSelector("[data-testid='pledge-row']")).stream()
                .filter(row -> row.findElement(By.cssSelector(".pledge-title")).getText().startsWith(title))
                .findFirst().orElse(null));
    }
}
