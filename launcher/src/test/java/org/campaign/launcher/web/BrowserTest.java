package org.campaign.launcher.web;

import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test starts from: Chromium and chromedriver present (the test fails, never skips, when they
 * are not) and the demo district on the shared local stack.
 */
abstract class BrowserTest {

    static WebStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Browser.requireInstalled();
        stack = WebStack.get();
    }
}
