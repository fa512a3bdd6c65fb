package com.realestate.property.auth;

import com.realestate.cache.key.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as proven by the bearer token. The tenant comes only from here, never from the request, so a
 * caller can only ever read and write the data of its own tenant.
 *
 * @param subject the token's {@code sub}
 * @param tenant  the token's {@code tenant_id}
 * @param roles   the known roles of the token's {@code roles} claim
 */
public record Caller(String subject, TenantId tenant, Set<Role> roles) {

    /** Validates that every part is present and copies the roles. */
    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        roles = Set.copyOf(roles);
    }
}
