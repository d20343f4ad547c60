package org.campaign.write.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The tamper-evident chain over each aggregate's events: every event's link is the SHA-256 of the previous
 * link and the event's canonical form — its identity, position, type and revision, the instant it was stored,
 * its payload exactly as stored, and who recorded it. Changing, removing or reordering any stored event breaks
 * every link from that event on.
 */
public final class HashChain {

    /** The meta-data key holding an event's link. */
    public static final String LINK = "chainHash";
    /** The "previous link" of an aggregate's first event. */
    public static final String GENESIS = "";

    private HashChain() {
    }

    /** The canonical form of one stored event, as covered by its link. */
    public record StoredEvent(String eventId, String aggregateId, long sequence, String payloadType,
                              String revision, Instant storedAt, String serializedPayload, String userId,
                              String agencyId) {
    }

    public static String link(String previous, StoredEvent event) {
        String canonical = String.join("\n", previous, event.eventId(), event.aggregateId(),
                Long.toString(event.sequence()), event.payloadType(), String.valueOf(event.revision()),
                event.storedAt().toString(), event.serializedPayload(), String.valueOf(event.userId()),
                String.valueOf(event.agencyId()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
