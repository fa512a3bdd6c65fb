package com.realestate.property.property;

/** Where a listing stands; only {@link #ACTIVE} and {@link #PENDING} listings count as the current market. */
public enum PropertyStatus {
    ACTIVE,
    PENDING,
    SOLD,
    OFF_MARKET;

    /** Whether a listing in this status shows what the market asks now, and so is a comparable. */
    public boolean isOnMarket() {
        return this == ACTIVE || this == PENDING;
    }
}
