package com.realestate.property.cache;

import com.realestate.cache.client.CacheClients;
import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.events.EventType;
import com.realestate.property.events.NewEvent;
import com.realestate.property.events.PropertyEventRepository;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyChanges;
import com.realestate.property.property.PropertyInput;
import com.realestate.property.property.PropertyQueryService;
import com.realestate.property.property.PropertyRepository;
import com.realestate.property.property.PropertyStatus;
import com.realestate.property.score.ComparablesRepository;
import com.realestate.property.score.ScoreService;
import com.realestate.property.system.DemoPropertyGenerator;
import com.realestate.property.system.RenderedView;
import com.realestate.property.system.ViewRenderer;
import com.realestate.property.timeline.TimelineService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Views exactly as the cache client stores them, from listings of {@link DemoPropertyGenerator}: the listings are
 * written into the service's database as the write path writes them (with their {@code property.created} and
 * {@code property.updated} events), a share is scored (recording {@code score.calculated}), and every view is read
 * through {@link PropertyReads} with no cache in between, so each sample is the {@link RenderedView} a miss would
 * cache, encoded by the client's JSON mapper. Ids, times, changes and queries come from the seed, so one seed and one
 * empty database always give the same samples.
 */
final class StoredViewSamples {

    /** The first listing's creation; the others follow within four months. */
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final JsonMapper CACHE_JSON = CacheClients.defaultJsonMapper();
    private static final int[] PAGE_SIZES = {10, 20, 20, 20, 50};
    /** In a fixed order, so that the seed picks the same one on every run. */
    private static final List<String> SORTS = ListQuery.SORTS.stream().sorted().toList();

    private final PropertyRepository properties;
    private final PropertyEventRepository events;
    private final TransactionTemplate transaction;
    private final SettableClock clock = new SettableClock();
    private final PropertyReads reads;
    private final Random random;
    private final DemoPropertyGenerator generator;

    /** Samples written into, and read from, the database of the (uncached) service {@code service}. */
    StoredViewSamples(ApplicationContext service, long seed) {
        this.properties = service.getBean(PropertyRepository.class);
        this.events = service.getBean(PropertyEventRepository.class);
        this.transaction = service.getBean(TransactionTemplate.class);
        ScoreService scores = new ScoreService(properties, service.getBean(ComparablesRepository.class), events, clock);
        this.reads = new PropertyReads(new UncachedViews(), service.getBean(PropertyQueryService.class), scores,
                service.getBean(TimelineService.class), service.getBean(ViewRenderer.class));
        this.random = new Random(seed);
        this.generator = new DemoPropertyGenerator(seed);
    }

    /**
     * Writes {@code listings} listings into {@code tenant} and returns the stored form of each one's detail, of
     * about half of their scores and timelines, and of {@code listPages} pages of the tenant's list.
     */
    Map<PropertyView, List<byte[]>> collect(TenantId tenant, int listings, int listPages) {
        Map<PropertyView, List<byte[]>> samples = new EnumMap<>(PropertyView.class);
        for (PropertyView view : PropertyView.values()) {
            samples.put(view, new ArrayList<>());
        }
        List<Property> written = new ArrayList<>();
        for (int i = 0; i < listings; i++) {
            written.add(write(tenant));
        }
        for (Property property : written) {
            PropertyId id = new PropertyId(property.id());
            if (random.nextInt(2) == 0) {
                for (int times = 1 + random.nextInt(2); times > 0; times--) {
                    clock.set(property.updatedAt().plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 20))));
                    samples.get(PropertyView.SCORES).add(stored(reads.score(tenant, id)));
                }
            }
            if (random.nextInt(2) == 0) {
                samples.get(PropertyView.TIMELINES).add(stored(reads.timeline(tenant, id)));
            }
            samples.get(PropertyView.DETAILS).add(stored(reads.detail(tenant, id)));
        }
        for (int page = 0; page < listPages; page++) {
            samples.get(PropertyView.LISTS).add(stored(reads.list(tenant, query(written))));
        }
        return samples;
    }

    /** A new listing as {@code PropertyCommandService.create} stores it; a third are then changed once. */
    private Property write(TenantId tenant) {
        PropertyId id = new PropertyId(uuid().toString());
        PropertyInput input = generator.next();
        Instant created = START.plus(Duration.ofSeconds(random.nextInt(120 * 24 * 3600)))
                .plusNanos(1000L * random.nextInt(1_000_000));
        return transaction.execute(status -> {
            Property property = properties.insert(tenant, id, input, created);
            events.append(new NewEvent(tenant, id, EventType.PROPERTY_CREATED, created,
                    PropertyChanges.created(property)));
            if (random.nextInt(3) != 0) {
                return property;
            }
            PropertyInput changed = changed(input);
            Instant updated = created.plus(Duration.ofMinutes(10 + random.nextInt(60 * 24 * 30)));
            Property after = properties.update(tenant, id, property.version(), changed, updated).orElseThrow();
            events.append(new NewEvent(tenant, id, EventType.PROPERTY_UPDATED, updated,
                    PropertyChanges.between(property, changed)));
            return after;
        });
    }

    /** What agents change most: the price (a few percent down, to the thousand) and, sometimes, the status. */
    private PropertyInput changed(PropertyInput input) {
        BigDecimal factor = BigDecimal.valueOf(88 + random.nextInt(10)).movePointLeft(2);
        BigDecimal price = input.price().multiply(factor).setScale(-3, RoundingMode.HALF_UP).setScale(0);
        PropertyStatus status = random.nextInt(3) == 0
                ? PropertyStatus.values()[random.nextInt(PropertyStatus.values().length)] : input.status();
        return new PropertyInput(input.address(), price, input.currency(), input.bedrooms(), input.bathrooms(),
                input.areaSqm(), input.type(), status, input.features());
    }

    /** A list query as clients send them: often a city, sometimes other filters, a sort, a page and a size. */
    private ListQuery query(List<Property> written) {
        Property someone = written.get(random.nextInt(written.size()));
        ListQuery.Builder query = ListQuery.builder()
                .page(random.nextInt(4) == 0 ? random.nextInt(3) : 0)
                .size(PAGE_SIZES[random.nextInt(PAGE_SIZES.length)]);
        if (random.nextInt(4) != 0) {
            query.city(someone.address().city());
        }
        if (random.nextInt(3) == 0) {
            query.status(PropertyStatus.ACTIVE.name());
        }
        if (random.nextInt(4) == 0) {
            query.type(someone.type().name());
        }
        if (random.nextInt(4) == 0) {
            query.maxPrice(someone.price().multiply(BigDecimal.valueOf(2)));
        }
        if (random.nextInt(5) == 0) {
            query.minBedrooms(1 + random.nextInt(3));
        }
        if (random.nextInt(2) == 0) {
            query.sort(SORTS.get(random.nextInt(SORTS.size())));
        }
        return query.build();
    }

    /** A version 4 UUID, as {@code PropertyIds.generate} makes, but from the seed. */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** The view as the cache client stores it: its JSON codec writes values with the library's default mapper. */
    private static byte[] stored(RenderedView view) {
        return CACHE_JSON.writeValueAsBytes(view);
    }

    /** The time a score is calculated at, set before each one, so that samples do not depend on when they are made. */
    private static final class SettableClock extends Clock {
        private Instant now = START;

        void set(Instant value) {
            now = value.truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("scores are calculated in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
