package org.campaign.service.web;

/** Text from requests: an optional parameter or field that is blank was not given. */
public final class Text {

    private Text() {
    }

    /** {@code text} trimmed, or {@code null} when it is missing or blank. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
