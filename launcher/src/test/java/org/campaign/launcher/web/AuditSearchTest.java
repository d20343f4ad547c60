package org.campaign.launcher.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * The auditor finds a pledge by words of its title (not knowing its id), opens its history and verifies its hash
 * chain; a search with a period that ends before it starts is refused beside the field.
 */
class AuditSearchTest extends BrowserTest {

    @Test
    void theAuditorFindsAPledgeByWordsOfItsTitleAndVerifiesItsChain() throws Exception {
        String words = "荔枝园 " + UUID.randomUUID().toString().substring(0, 6);
        String title = "村民共建" + words + " 示范点";
        String pledge = stack.makePledge("east-township-system", "web-east-willow", title);
        stack.approve("east-township-system", pledge);
        String search = "/api/audit/records?type=Pledge&q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
        eventually(Duration.ofSeconds(30), () -> assertThat(stack.get("audit-tool", search).json()
                .at("/items/0/events").asInt()).isEqualTo(2));
        String agency = stack.get("audit-tool", search).json().at("/items/0/agencies/0").asText();

        try (Browser browser = Browser.open(1440, 1400)) {
            browser.signIn(stack.appUrl(), "auditor");
            browser.driver.get(stack.appUrl() + "/#/audit");
            WebElement form = browser.testId("record-search");

            // A period that ends before it starts is refused, beside its first date.
            browser.setDate("record-from", "2030-01-02");
            browser.setDate("record-to", "2030-01-01");
            browser.testId("record-search-submit").click();
            assertThat(browser.visible("#record-from + small.field-error").getText()).isNotBlank();
            browser.setDate("record-from", "");
            browser.setDate("record-to", "");

            browser.testId("record-q").sendKeys(words.toUpperCase());
            new Select(form.findElement(By.id("record-type"))).selectByValue("Pledge");
            browser.testId("record-search-submit").click();
            WebElement row = browser.visible("[data-testid='record-table'] tr[data-aggregate-id='" + pledge + "']");
            assertThat(browser.all("[data-testid='record-search'] [data-testid='form-error']:not([hidden])")).isEmpty();
            assertThat(browser.all("[data-testid='record-table'] tbody tr")).hasSize(1);
            assertThat(row.getText()).contains(title, "承诺", "PledgeApproved", agency, pledge);
            browser.screenshot("audit-search");

            row.findElement(By.cssSelector("[data-testid='record-open']")).click();
            browser.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid='audit-record']"), "data-id",
                    pledge));
            List<String> types = browser.all("[data-testid='audit-history'] tbody tr td:nth-child(3)").stream()
                    .map(WebElement::getText).toList();
            assertThat(types).hasSize(2);
            assertThat(types.get(0)).startsWith("PledgeMade");
            assertThat(types.get(1)).startsWith("PledgeApproved");
            assertThat(browser.driver.findElement(By.id("audit-id")).getAttribute("value")).isEqualTo(pledge);

            browser.testId("audit-verify").click();
            WebElement verdict = browser.visible("[data-testid='audit-chain'] [data-intact]");
            assertThat(verdict.getAttribute("data-intact")).isEqualTo("true");
            assertThat(verdict.getText()).contains("2");
            browser.screenshot("audit-search-history");
            assertThat(browser.console()).as("no script errors and no Content-Security-Policy violations")
                    .noneMatch(line -> line.contains("Uncaught") || line.contains("Content Security Policy"));
        }
    }
}
