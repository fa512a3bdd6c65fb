package com.realestate.cache.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a subscription was told, for tests of event streams on one server or a cluster. */
class RecordingStreamListener implements StreamListener {

    final List<String> payloads = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();
    final AtomicInteger disconnects = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();

    @Override
    public void onEvent(String id, String payload) {
        payloads.add(payload);
    }

    @Override
    public void onGap(String lastDeliveredId) {
        gaps.add(lastDeliveredId);
    }

    @Override
    public void onDisconnect() {
        disconnects.incrementAndGet();
    }

    @Override
    public void onResume(String lastDeliveredId) {
        resumes.incrementAndGet();
    }
}
