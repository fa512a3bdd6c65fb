package com.realestate.property.score;

import com.realestate.cache.key.TenantId;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyRepository;
import com.realestate.property.property.PropertyStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a property's market from the tenant's other listings, aggregated in the database. */
@Repository
public class ComparablesRepository {

    private final JdbcClient jdbc;

    /** A repository on the given client. */
    public ComparablesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The market of the property: the tenant's {@link PropertyStatus#isOnMarket() on-market} listings in the same
     * city, of the same type and in the same currency, other than the property itself.
     */
    public ComparableMarket marketFor(TenantId tenant, Property property) {
        return jdbc.sql("""
                        SELECT count(*) AS comparables,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY price / area_sqm) AS median
                        FROM properties
                        WHERE tenant_id = :tenant AND city_key = :cityKey AND type = :type AND currency = :currency
                          AND status IN (:statuses) AND id <> :id""")
                .param("tenant", tenant.value())
                .param("cityKey", PropertyRepository.cityKey(property.address().city()))
                .param("type", property.type().name())
                .param("currency", property.currency())
                .param("statuses", List.of(PropertyStatus.ACTIVE.name(), PropertyStatus.PENDING.name()))
                .param("id", property.id())
                .query((rs, row) -> {
                    int comparables = rs.getInt("comparables");
                    double median = rs.getDouble("median");
                    return comparables == 0 ? ComparableMarket.empty()
                            : new ComparableMarket(comparables,
                                    BigDecimal.valueOf(median).setScale(2, RoundingMode.HALF_UP));
                })
                .single();
    }
}
