package org.campaign.contracts.pledge;

/** Where a pledge was made public (公布). */
public enum PublicationChannel {
    NOTICE_BOARD,
    MEETING,
    MEDIA
}
