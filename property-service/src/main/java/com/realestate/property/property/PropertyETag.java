package com.realestate.property.property;

/**
 * The strong entity tag of a property's representation: its id and version, which change together with every
 * byte of the detail view, so it is known without serialising anything.
 */
public final class PropertyETag {

    private PropertyETag() {
    }

    /** The quoted entity tag of the property, such as {@code "3f2c…-v4"}. */
    public static String of(Property property) {
        return "\"" + property.id() + "-v" + property.version() + "\"";
    }
}
