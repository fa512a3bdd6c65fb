package com.realestate.property.auth;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token can grant, named in the {@code roles} claim by their lower-case wire name. */
public enum Role {
    USER("user"),
    ANALYST("analyst"),
    OPS("ops"),
    ADMIN("admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The name used in the {@code roles} claim and, prefixed by {@code ROLE_}, as the Spring authority. */
    public String claimValue() {
        return claimValue;
    }

    /** The role a claim value names, if it names one. */
    public static Optional<Role> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
