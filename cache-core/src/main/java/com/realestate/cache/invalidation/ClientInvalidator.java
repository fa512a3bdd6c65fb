package com.realestate.cache.invalidation;

import com.realestate.cache.client.BulkDeleteResult;
import com.realestate.cache.client.CacheClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Carries out invalidations on a {@link CacheClient}, once each, and reports what Redis confirmed. */
final class ClientInvalidator implements CacheInvalidator {

    private final CacheClient client;

    ClientInvalidator(CacheClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public InvalidationReport invalidate(Invalidation invalidation) {
        List<String> doneKeys = new ArrayList<>();
        List<String> failedKeys = new ArrayList<>();
        for (String key : invalidation.keys()) {
            (client.invalidate(key).done() ? doneKeys : failedKeys).add(key);
        }
        List<String> doneGroups = new ArrayList<>();
        List<String> failedGroups = new ArrayList<>();
        for (String group : invalidation.groups()) {
            (client.invalidateGroup(group).done() ? doneGroups : failedGroups).add(group);
        }
        long flushed = 0;
        boolean flushComplete = false;
        if (invalidation.flush()) {
            BulkDeleteResult result = client.flush();
            flushed = result.deleted();
            flushComplete = result.complete();
        }
        return new InvalidationReport(
                new Invalidation(doneKeys, doneGroups, flushComplete),
                new Invalidation(failedKeys, failedGroups, invalidation.flush() && !flushComplete),
                flushed);
    }

    @Override
    public String toString() {
        return "CacheInvalidator[" + client + "]";
    }
}
