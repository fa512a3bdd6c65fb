package com.realestate.property.property;

/** The kind of property; comparables for a score are of the same kind. */
public enum PropertyType {
    APARTMENT,
    HOUSE,
    TOWNHOUSE,
    LAND,
    COMMERCIAL
}
