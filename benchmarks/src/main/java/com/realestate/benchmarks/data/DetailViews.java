package com.realestate.benchmarks.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Property API's detail views as its cache stores them, built here because the benchmarks do not depend on the
 * service: the body is a property as the service renders it (the same fields, in the same order and forms: prices
 * and areas with two decimals, times in microseconds), and the stored value is the service's {@code RenderedView},
 * the body and its entity tag. The listings come from a generator of their own, not from the one the service's
 * dictionary was trained on.
 */
public final class DetailViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<City> CITIES = List.of(
            new City("Lisbon", "Lisboa", "PT", "EUR", 5400,
                List.of("Rua da Prata", "Avenida de Roma", "Rua de São Bento")),
            new City("Porto", "Porto", "PT", "EUR", 3700,
                List.of("Rua de Cedofeita", "Rua do Almada", "Avenida da Boavista")),
            new City("Madrid", "Comunidad de Madrid", "ES", "EUR", 5300,
                List.of("Calle de Serrano", "Paseo del Prado")),
            new City("Barcelona", "Catalonia", "ES", "EUR", 5000, List.of("Carrer de Balmes", "Avinguda Diagonal")),
            new City("Berlin", "Berlin", "DE", "EUR", 5500,
                List.of("Schönhauser Allee", "Oranienstraße", "Bergmannstraße")),
            new City("Paris", "Île-de-France", "FR", "EUR", 9800, List.of("Rue Oberkampf", "Avenue de Clichy")),
            new City("London", "Greater London", "GB", "GBP", 8600, List.of("Portobello Road", "Camden High Street")),
            new City("Manchester", "Greater Manchester", "GB", "GBP", 3200, List.of("Wilmslow Road", "Stockport Road")),
            new City("New York", "NY", "US", "USD", 13000, List.of("Amsterdam Avenue", "Lexington Avenue")),
            new City("Austin", "TX", "US", "USD", 4100, List.of("Guadalupe Street", "Barton Springs Road")));
    private static final String[] TYPES = {"APARTMENT", "APARTMENT", "APARTMENT", "HOUSE", "HOUSE", "TOWNHOUSE",
        "LAND", "COMMERCIAL"};
    private static final String[] STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "PENDING", "SOLD", "OFF_MARKET"};
    private static final String[] FEATURES = {"balcony", "parking", "elevator", "garden", "pool", "terrace",
        "air conditioning", "fireplace", "storage", "sea view", "concierge", "gym"};
    private static final Instant FIRST_LISTED = Instant.parse("2025-03-01T00:00:00Z");

    private DetailViews() {
    }

    /** Where a property is, as the service shows it. */
    public record Address(String line1, String city, String region, String postalCode, String country) {
    }

    /** A property as the service's detail view shows it, field for field. */
    public record Detail(String id, String tenantId, Address address, BigDecimal price, String currency, int bedrooms,
            int bathrooms, BigDecimal areaSqm, String type, String status, List<String> features, long version,
            Instant createdAt, Instant updatedAt) {
    }

    /** The service's {@code RenderedView}: the quoted entity tag and the body, which is what its cache stores. */
    public record StoredView(String etag, String json) {
    }

    /** The detail numbered {@code n} of {@code tenant}; the same arguments give the same detail. */
    public static Detail detail(String tenant, long n) {
        Random random = new Random(n * 7919 + tenant.hashCode());
        City city = CITIES.get(random.nextInt(CITIES.size()));
        String type = TYPES[random.nextInt(TYPES.length)];
        int area = switch (type) {
            case "LAND" -> 250 + random.nextInt(5000);
            case "HOUSE" -> 80 + random.nextInt(300);
            case "COMMERCIAL" -> 40 + random.nextInt(700);
            default -> 30 + random.nextInt(170);
        };
        boolean rooms = !type.equals("LAND") && !type.equals("COMMERCIAL");
        int bedrooms = rooms ? Math.min(7, 1 + area / 40 + random.nextInt(2)) : 0;
        double perSqm = city.pricePerSqm() * (type.equals("LAND") ? 0.1 : 0.65 + random.nextDouble() * 0.7);
        List<String> features = new ArrayList<>();
        for (String feature : FEATURES) {
            if (random.nextInt(4) == 0) {
                features.add(feature);
            }
        }
        long version = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
        Instant created = FIRST_LISTED.plusSeconds(random.nextInt(300 * 24 * 3600))
                .plusNanos(1000L * random.nextInt(1_000_000));
        Instant updated = version == 1 ? created
                : created.plusSeconds(random.nextInt(40 * 24 * 3600)).plusNanos(1000L * random.nextInt(1_000_000));
        return new Detail(new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString(),
                tenant,
                new Address((1 + random.nextInt(300)) + " " + city.streets().get(random.nextInt(city.streets().size())),
                        city.name(), city.region(), postalCode(random, city.country()), city.country()),
                BigDecimal.valueOf(Math.max(10_000, Math.round(area * perSqm / 500) * 500L), 0).setScale(2),
                city.currency(), bedrooms, rooms ? Math.max(1, bedrooms - random.nextInt(2)) : 0,
                BigDecimal.valueOf(area * 100L + (random.nextInt(4) == 0 ? random.nextInt(100) : 0), 2),
                type, STATUSES[random.nextInt(STATUSES.length)], features, version, created, updated);
    }

    /** The body of {@code detail} as the service answers it. */
    public static String body(Detail detail) {
        return JSON.writeValueAsString(detail);
    }

    /** What the service's cache stores for {@code detail}: the body with the property's version tag. */
    public static StoredView stored(Detail detail) {
        return new StoredView("\"" + detail.id() + "-v" + detail.version() + "\"", body(detail));
    }

    private static String postalCode(Random random, String country) {
        return switch (country) {
            case "PT" -> (1000 + random.nextInt(8999)) + "-" + (100 + random.nextInt(899));
            case "GB" -> (random.nextBoolean() ? "M" : "NW") + (1 + random.nextInt(20)) + " " + (1 + random.nextInt(9))
                    + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
            case "US" -> String.valueOf(10_000 + random.nextInt(89_999));
            default -> String.format(Locale.ROOT, "%05d", random.nextInt(99_999));
        };
    }

    private record City(String name, String region, String country, String currency, int pricePerSqm,
            List<String> streets) {
    }
}
