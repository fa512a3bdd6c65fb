-- Cache invalidations Redis has not carried out yet (the DurableInvalidator's outbox): a restarted instance takes
-- them over, so an invalidation made during a Redis outage is not lost with the process that made it.
CREATE TABLE pending_invalidations (
    id           text        PRIMARY KEY,
    invalidation jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL
);
