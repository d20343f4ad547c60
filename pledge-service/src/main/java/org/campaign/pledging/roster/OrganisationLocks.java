package org.campaign.pledging.roster;

import org.springframework.stereotype.Component;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises, per organisation, the changes that must see each other: deregistering an organisation, which must have
 * nobody left on the roster, and taking anyone in under it (enrolling or transferring a member into it, registering
 * or moving an organisation under it). Each checks the roster and sends its command while it holds the
 * organisation's lock; the roster's read model is updated before the command returns (a subscribing processor), so
 * neither can slip in between the other's check and its command. The locks are those of one instance of the
 * service; organisations share {@value #STRIPES} of them by the hash of their id.
 */
@Component
class OrganisationLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    OrganisationLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code change} while holding the lock of {@code organisationId}. */
    void holding(String organisationId, Runnable change) {
        ReentrantLock lock = locks[Math.floorMod(organisationId.hashCode(), STRIPES)];
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}
