package org.campaign.evaluation.common;

/** The shape of the ids this service accepts from clients: they are used inside composite record ids. */
public final class Ids {

    /** Letters, digits, {@code _ . -}; no colon, which separates the parts of composite ids. */
    public static final String PATTERN = "[A-Za-z0-9_.-]{1,64}";

    private Ids() {
    }
}
