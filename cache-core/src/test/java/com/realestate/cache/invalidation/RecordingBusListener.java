package com.realestate.cache.invalidation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what an {@link InvalidationBus} told it. */
class RecordingBusListener implements BusListener {

    final List<DomainEvent> applied = new CopyOnWriteArrayList<>();
    final List<InvalidationReport> reports = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();
    final AtomicInteger disconnects = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();

    @Override
    public void onApplied(DomainEvent event, InvalidationReport report) {
        applied.add(event);
        reports.add(report);
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

    List<String> appliedIds() {
        return applied.stream().map(DomainEvent::id).toList();
    }
}
