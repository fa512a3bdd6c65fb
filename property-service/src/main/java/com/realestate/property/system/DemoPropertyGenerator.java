package com.realestate.property.system;

import com.realestate.property.property.Address;
import com.realestate.property.property.PropertyInput;
import com.realestate.property.property.PropertyStatus;
import com.realestate.property.property.PropertyType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Makes believable listings for the demo tenant: real cities with their local currency and a typical price per
 * square metre, sizes and rooms that fit the type. The same seed always gives the same listings.
 */
public final class DemoPropertyGenerator {

    private static final List<City> CITIES = List.of(
            new City("Lisbon", "Lisboa", "PT", "EUR", 5600, "11##-###",
                    List.of("Rua Augusta", "Avenida da Liberdade", "Rua do Ouro")),
            new City("Porto", "Porto", "PT", "EUR", 3900, "40##-###",
                    List.of("Rua de Santa Catarina", "Avenida dos Aliados", "Rua das Flores")),
            new City("Madrid", "Comunidad de Madrid", "ES", "EUR", 5100, "280##",
                    List.of("Calle Mayor", "Calle de Alcalá", "Gran Vía")),
            new City("Barcelona", "Catalonia", "ES", "EUR", 4900, "080##",
                    List.of("Carrer de Mallorca", "Passeig de Gràcia", "Carrer d'Aragó")),
            new City("Berlin", "Berlin", "DE", "EUR", 5800, "10###",
                    List.of("Lindenallee", "Torstraße", "Kastanienallee")),
            new City("Paris", "Île-de-France", "FR", "EUR", 10200, "750##",
                    List.of("Rue de Rivoli", "Boulevard Voltaire", "Rue du Bac")),
            new City("London", "Greater London", "GB", "GBP", 8900, "SW# #@@",
                    List.of("King's Road", "Fulham Road", "Abbey Road")),
            new City("Manchester", "Greater Manchester", "GB", "GBP", 3400, "M# #@@",
                    List.of("Deansgate", "Oxford Road", "Market Street")),
            new City("New York", "NY", "US", "USD", 12500, "100##",
                    List.of("Park Avenue", "West End Avenue", "Bleecker Street")),
            new City("Austin", "TX", "US", "USD", 4300, "787##",
                    List.of("Congress Avenue", "South Lamar Boulevard", "East 6th Street")));
    private static final List<String> FEATURES = List.of("balcony", "parking", "elevator", "garden", "pool",
            "terrace", "air conditioning", "fireplace", "storage", "sea view", "concierge", "gym");
    private static final PropertyType[] TYPES = PropertyType.values();

    private final Random random;

    /** A generator whose output is fixed by the seed. */
    public DemoPropertyGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code count} listings. */
    public List<PropertyInput> next(int count) {
        return IntStream.range(0, count).mapToObj(i -> next()).toList();
    }

    /** The next listing. */
    public PropertyInput next() {
        City city = CITIES.get(random.nextInt(CITIES.size()));
        PropertyType type = TYPES[weighted(new int[] {45, 25, 15, 5, 10})];
        int area = switch (type) {
            case APARTMENT -> 35 + random.nextInt(130);
            case HOUSE -> 90 + random.nextInt(260);
            case TOWNHOUSE -> 80 + random.nextInt(140);
            case LAND -> 300 + random.nextInt(4700);
            case COMMERCIAL -> 50 + random.nextInt(600);
        };
        int bedrooms = type == PropertyType.LAND || type == PropertyType.COMMERCIAL ? 0
                : Math.max(1, Math.min(6, area / 35 + random.nextInt(2)));
        int bathrooms = type == PropertyType.LAND ? 0 : Math.max(1, bedrooms / 2 + random.nextInt(2));
        double perSqm = city.pricePerSqm() * (type == PropertyType.LAND ? 0.12 : 1.0)
                * (0.7 + random.nextDouble() * 0.6);
        BigDecimal price = BigDecimal.valueOf(area * perSqm / 1000).setScale(0, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(1000)).max(BigDecimal.valueOf(10000));
        PropertyStatus status = PropertyStatus.values()[weighted(new int[] {60, 15, 15, 10})];
        Address address = new Address(
                (1 + random.nextInt(240)) + " " + city.streets().get(random.nextInt(city.streets().size())),
                city.name(), city.region(), postalCode(city.postalFormat()), city.country());
        return new PropertyInput(address, price, city.currency(), bedrooms, bathrooms, BigDecimal.valueOf(area),
                type, status, features());
    }

    private List<String> features() {
        List<String> pool = new ArrayList<>(FEATURES);
        List<String> chosen = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    /** Fills a format: {@code #} becomes a digit from 1 to 9, {@code @} a capital letter. */
    private String postalCode(String format) {
        StringBuilder code = new StringBuilder();
        for (char c : format.toCharArray()) {
            code.append(switch (c) {
                case '#' -> (char) ('1' + random.nextInt(9));
                case '@' -> (char) ('A' + random.nextInt(26));
                default -> c;
            });
        }
        return code.toString();
    }

    private int weighted(int[] weights) {
        int total = IntStream.of(weights).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    private record City(String name, String region, String country, String currency, int pricePerSqm,
            String postalFormat, List<String> streets) {
    }
}
