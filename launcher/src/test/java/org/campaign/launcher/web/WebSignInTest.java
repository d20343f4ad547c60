package org.campaign.launcher.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the web app through the real sign-in server (authorization code with PKCE), and out again. */
class WebSignInTest extends BrowserTest {

    @Test
    void aClerkSignsInSeesTheirNameAndRoleAndSignsOutAgain() throws Exception {
        String app = stack.appUrl();
        try (Browser browser = Browser.open()) {
            browser.driver.get(app + "/");
            browser.testId("welcome");
            assertThat(browser.testId("sign-in").getText()).isEqualTo("登录");
            browser.screenshot("sign-in-start");

            browser.signIn(app, "east-clerk");
            assertThat(browser.testId("user-name").getText()).isEqualTo("东镇党委 办事员");
            assertThat(browser.testId("user-role").getText()).isEqualTo("单位办事员");
            browser.until(ExpectedConditions.urlContains("#/agency"));
            assertThat(browser.testId("agency-workspace").getAttribute("data-agency")).isEqualTo("east-township");
            assertThat(browser.all("[data-testid='nav-dashboard']")).as("a clerk has no dashboard").isEmpty();
            browser.screenshot("signed-in-clerk");

            browser.testId("sign-out").click();
            browser.testId("signed-out-note");
            assertThat(browser.driver.findElement(By.cssSelector("[data-testid='user-name']")).getText()).isEmpty();
            assertThat(browser.script("return sessionStorage.getItem('campaign.session')")).isNull();
            browser.screenshot("signed-out");

            // The session at the sign-in server ended too: signing in again asks for the password.
            browser.testId("sign-in").click();
            browser.visible("#username");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        }
    }

    @Test
    void aPageOfAnotherRoleIsRefusedInTheApp() throws Exception {
        String app = stack.appUrl();
        try (Browser browser = Browser.open()) {
            browser.signIn(app, "leadership");
            assertThat(browser.testId("user-role").getText()).isEqualTo("领导小组");
            browser.until(ExpectedConditions.urlContains("#/dashboard"));
            browser.driver.get(app + "/#/agency");
            assertThat(browser.testId("not-allowed").getText()).isEqualTo("您的角色不能使用这个页面。");
        }
    }
}
