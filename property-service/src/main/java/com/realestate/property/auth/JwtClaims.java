package com.realestate.property.auth;

/** Names of the token claims this service reads beyond the registered ones. */
public final class JwtClaims {

    /** The tenant whose data the caller may see; the only source of the tenant. */
    public static final String TENANT_ID = "tenant_id";

    /** The list of {@link Role} claim values granted to the caller. */
    public static final String ROLES = "roles";

    private JwtClaims() {
    }
}
