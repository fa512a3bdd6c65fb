-- Property listings, one row per property, scoped by tenant.
CREATE TABLE properties (
    tenant_id   text          NOT NULL,
    id          text          NOT NULL,
    line1       text          NOT NULL,
    city        text          NOT NULL,
    -- The city as filters match it: trimmed and lower-cased by the service (Locale.ROOT), like the cache key.
    city_key    text          NOT NULL,
    region      text,
    postal_code text,
    country     text          NOT NULL,
    price       numeric(14,2) NOT NULL CHECK (price > 0),
    currency    char(3)       NOT NULL,
    bedrooms    integer       NOT NULL CHECK (bedrooms >= 0),
    bathrooms   integer       NOT NULL CHECK (bathrooms >= 0),
    area_sqm    numeric(10,2) NOT NULL CHECK (area_sqm > 0),
    type        text          NOT NULL CHECK (type IN ('APARTMENT', 'HOUSE', 'TOWNHOUSE', 'LAND', 'COMMERCIAL')),
    status      text          NOT NULL CHECK (status IN ('ACTIVE', 'PENDING', 'SOLD', 'OFF_MARKET')),
    features    text[]        NOT NULL DEFAULT '{}',
    version     bigint        NOT NULL CHECK (version > 0),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- The list's default order and the createdAt sorts.
CREATE INDEX properties_tenant_created_idx ON properties (tenant_id, created_at, id);
-- Price ranges and the price sorts.
CREATE INDEX properties_tenant_price_idx ON properties (tenant_id, price, id);
-- City filters (with type and status) and the comparables of a score.
CREATE INDEX properties_tenant_city_idx ON properties (tenant_id, city_key, type, status);
-- Status or type filters without a city.
CREATE INDEX properties_tenant_status_idx ON properties (tenant_id, status, created_at);
CREATE INDEX properties_tenant_type_idx ON properties (tenant_id, type, created_at);
-- Bedroom minimums.
CREATE INDEX properties_tenant_bedrooms_idx ON properties (tenant_id, bedrooms);

-- Each property's history and the transactional outbox in one: a relay publishes rows whose published_at is null
-- in id order and then sets it. Rows outlive their property, so a deletion can still be relayed.
CREATE TABLE property_events (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    property_id  text        NOT NULL,
    type         text        NOT NULL CHECK (type IN ('property.created', 'property.updated', 'property.deleted',
                                                      'score.calculated')),
    occurred_at  timestamptz NOT NULL,
    changes      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    published_at timestamptz
);

CREATE INDEX property_events_timeline_idx ON property_events (tenant_id, property_id, id);
CREATE INDEX property_events_unpublished_idx ON property_events (id) WHERE published_at IS NULL;
