package com.realestate.cache.invalidation;

/**
 * Hears what the {@link InvalidationBus} does and what it may have missed, for state that lives in this process
 * only, such as a near cache: it must clear itself on a {@link #onGap gap}, and may stop serving while the bus is
 * {@link #onDisconnect disconnected}. Called on the bus's thread; keep it quick and do not throw.
 */
public interface BusListener {

    /** {@code event} was applied (or found to concern no strategy, with an empty report). */
    default void onApplied(DomainEvent event, InvalidationReport report) {
    }

    /**
     * Events after {@code lastDeliveredId} were trimmed from the stream before this process read them: some
     * invalidations are lost to it for good, so anything cached in this process only must be dropped.
     */
    default void onGap(String lastDeliveredId) {
    }

    /** The bus lost Redis; events published meanwhile are delivered after {@link #onResume}. */
    default void onDisconnect() {
    }

    /** The bus reached Redis again; the events it missed follow. */
    default void onResume(String lastDeliveredId) {
    }
}
