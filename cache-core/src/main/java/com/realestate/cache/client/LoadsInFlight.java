package com.realestate.cache.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loads running in this process, by stored key, shared by every view of one client: an invalidation made
 * through one view (a service's invalidator on the base client) must forget the loads of every other (the views
 * its reads go through), or a caller arriving after the invalidation returned could join a load that began before
 * it and get the old value.
 */
final class LoadsInFlight {

    /** A load running in this process, which callers of the same key join while it lasts. */
    record Flight(StoredKey key, CompletableFuture<LoadCoordinator.Loaded<?>> result) {

        boolean inGroup(String generationKey) {
            for (String group : key.groups()) {
                if (group.equals(generationKey)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();

    ConcurrentHashMap<String, Flight> flights() {
        return flights;
    }
}
