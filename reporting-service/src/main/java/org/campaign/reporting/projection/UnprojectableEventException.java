package org.campaign.reporting.projection;

/**
 * A record that can never be projected however often it is retried: malformed JSON, an envelope without the
 * fields a projection needs, a payload that does not fit its type, or an event that contradicts the read model
 * (a pledge fulfilled that was never made). Such records go to the dead-letter topic without retries.
 */
public class UnprojectableEventException extends RuntimeException {

    public UnprojectableEventException(String message) {
        super(message);
    }

    public UnprojectableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
