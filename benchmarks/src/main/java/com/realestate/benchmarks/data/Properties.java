package com.realestate.benchmarks.data;

import com.realestate.cache.client.CompressionDictionary;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes realistic, varied {@link Property} records from a seed: the same seed gives the same record, and no two
 * records share their description, so compression ratios are not flattered by repetition across records.
 */
public final class Properties {

    private static final String[] CITIES = {"Porto", "Lisboa", "Braga", "Coimbra", "Faro", "Aveiro", "Setúbal",
            "Funchal", "Évora", "Viseu", "Guimarães", "Cascais"};
    private static final String[] STREETS = {"Rua de Santa Catarina", "Avenida da Boavista", "Rua das Flores",
            "Travessa do Carmo", "Largo do Rato", "Rua Augusta", "Avenida da Liberdade", "Rua do Almada",
            "Calçada da Estrela", "Rua de Cedofeita", "Alameda dos Oceanos", "Rua Direita"};
    private static final String[] TYPES = {"apartment", "house", "townhouse", "studio", "villa", "duplex"};
    private static final String[] STATUSES = {"active", "active", "active", "under_offer", "reserved"};
    private static final String[] FEATURES = {"balcony", "terrace", "garage", "elevator", "garden", "pool",
            "air_conditioning", "central_heating", "fireplace", "sea_view", "river_view", "storage_room",
            "equipped_kitchen", "double_glazing", "solar_panels", "concierge", "gym", "pets_allowed",
            "furnished", "wheelchair_access"};
    private static final String[] OPENINGS = {"Bright", "Renovated", "Spacious", "Charming", "Modern", "Quiet",
            "Elegant", "Cosy", "Sunny", "Recently refurbished", "Well kept", "Luxurious"};
    private static final String[] ROOMS = {"open-plan living room", "fully equipped kitchen", "en-suite master bedroom",
            "home office", "laundry", "walk-in wardrobe", "dining area", "guest bathroom", "playroom", "pantry"};
    private static final String[] NEARBY = {"the metro", "international schools", "the river front", "a weekly market",
            "the university", "shops and cafés", "the beach", "a large park", "the hospital", "the old town",
            "the motorway", "tram line 28", "the train station", "a golf course"};
    private static final String[] DETAILS = {"original tiled floors", "high ceilings", "oak parquet", "large windows",
            "a south-facing aspect", "thermal insulation", "new plumbing and wiring", "underfloor heating",
            "a private entrance", "views over the rooftops", "a shared courtyard", "a heat pump", "shutters",
            "built-in storage", "a ventilated façade"};
    private static final String[] FIRST = {"Ana", "João", "Maria", "Pedro", "Inês", "Tiago", "Sofia", "Rui",
            "Beatriz", "Miguel", "Carla", "Nuno"};
    private static final String[] LAST = {"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa",
            "Rodrigues", "Martins", "Sousa", "Fernandes", "Gomes", "Lopes"};

    private Properties() {
    }

    /**
     * A zstd dictionary trained as a team would train one, on a sample of 2,000 stored values; the sample's
     * tenants are never among the records measured, so no measured record is in the dictionary.
     */
    public static CompressionDictionary trainedDictionary() {
        return TrainedDictionary.INSTANCE;
    }

    private static final class TrainedDictionary {
        static final CompressionDictionary INSTANCE = train();

        private static CompressionDictionary train() {
            JsonMapper mapper = JsonMapper.builder().build();
            List<byte[]> samples = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                samples.add(mapper.writeValueAsBytes(sample("training-" + (i % 7), 1_000_000 + i)));
            }
            return CompressionDictionary.train(samples, CompressionDictionary.DEFAULT_SIZE_BYTES);
        }
    }

    /** The record numbered {@code n} of {@code tenant}. */
    public static Property sample(String tenant, long n) {
        Random random = new Random(n * 31 + tenant.hashCode());
        String city = pick(random, CITIES);
        String type = pick(random, TYPES);
        int bedrooms = 1 + random.nextInt(5);
        List<String> features = new ArrayList<>();
        for (String feature : FEATURES) {
            if (random.nextInt(3) == 0) {
                features.add(feature);
            }
        }
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        List<String> images = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            images.add("https://img.realestate.example/p/" + Long.toHexString(random.nextLong()) + ".jpg");
        }
        OffsetDateTime listed = OffsetDateTime.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), 0, ZoneOffset.UTC);
        return new Property(
                id,
                tenant,
                pick(random, OPENINGS) + " " + bedrooms + "-bedroom " + type + " in " + city,
                new Property.Address(pick(random, STREETS) + ", " + (1 + random.nextInt(400)), city,
                        (1000 + random.nextInt(8999)) + "-" + (100 + random.nextInt(899)), "PT",
                        37 + random.nextDouble() * 5, -9 + random.nextDouble() * 2),
                BigDecimal.valueOf(90_000 + random.nextInt(1_400_000), 0).setScale(2),
                "EUR",
                type,
                pick(random, STATUSES),
                bedrooms,
                1 + random.nextInt(bedrooms),
                BigDecimal.valueOf(350 + random.nextInt(3_000), 1),
                1900 + random.nextInt(125),
                features,
                description(random, type, city, bedrooms),
                new Property.Agent(first + " " + last,
                        first.toLowerCase() + "." + last.toLowerCase() + random.nextInt(100) + "@agency.example",
                        "+351 9" + (10_000_000 + random.nextInt(89_999_999))),
                images,
                listed,
                listed.plusDays(random.nextInt(90)).plusMinutes(random.nextInt(1440)));
    }

    private static String description(Random random, String type, String city, int bedrooms) {
        StringBuilder text = new StringBuilder();
        text.append(pick(random, OPENINGS)).append(' ').append(type).append(" of ").append(bedrooms)
                .append(" bedrooms in the heart of ").append(city).append(", with ").append(pick(random, ROOMS))
                .append(" and ").append(pick(random, ROOMS)).append(". ");
        text.append("The property offers ").append(pick(random, DETAILS)).append(", ").append(pick(random, DETAILS))
                .append(" and ").append(pick(random, DETAILS)).append(". ");
        text.append("Within walking distance of ").append(pick(random, NEARBY)).append(" and ")
                .append(pick(random, NEARBY)).append("; ").append(5 + random.nextInt(20))
                .append(" minutes from ").append(pick(random, NEARBY)).append(". ");
        text.append("Energy certificate ").append((char) ('A' + random.nextInt(5))).append(", condominium fee of ")
                .append(20 + random.nextInt(180)).append(" EUR per month. Visits by appointment, reference ")
                .append(Integer.toHexString(random.nextInt()).toUpperCase()).append('.');
        return text.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
