package org.campaign.write;

import org.springframework.http.HttpStatus;

/**
 * A command that is well formed but not allowed: the aggregate is in the wrong state (409) or the actor may not
 * act on it (403). Thrown by command handlers before any event is applied, so nothing is stored.
 */
public class CommandRefused extends RuntimeException {

    private final HttpStatus status;

    private CommandRefused(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    /** The current state does not allow the command, e.g. fulfilling a pledge twice. */
    public static CommandRefused conflict(String reason) {
        return new CommandRefused(HttpStatus.CONFLICT, reason);
    }

    /** The acting user or agency may not act on this subject. */
    public static CommandRefused forbidden(String reason) {
        return new CommandRefused(HttpStatus.FORBIDDEN, reason);
    }

    public HttpStatus status() {
        return status;
    }
}
