package com.realestate.cache.spring;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.Caching;

/** A service whose every cached method counts how often it really ran. */
public class ListingService {

    public record Listing(String id, String city, BigDecimal price) {
    }

    public record Agent(String name, OffsetDateTime since) {
    }

    /** A return type with everything a real one holds: nested records, lists, maps, optionals, decimals, dates. */
    public record Detail(Listing listing, List<Agent> agents, Map<String, Object> attributes, Optional<String> note,
                         LocalDate listed) {
    }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** How often {@code method} ran. */
    public int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    /** Makes {@link #findSlowly} wait until the latch is released. */
    public void holdLoadsUntil(CountDownLatch latch) {
        gate = latch;
    }

    private void ran(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    @Cacheable("listings")
    public Listing find(String id) {
        ran("find");
        return new Listing(id, "Porto", new BigDecimal("350000.00"));
    }

    @CachePut(cacheNames = "listings", key = "#listing.id()")
    public Listing update(Listing listing) {
        ran("update");
        return listing;
    }

    @CacheEvict("listings")
    public void delete(String id) {
        ran("delete");
    }

    @Cacheable("searches")
    public List<Listing> search(String city) {
        ran("search");
        return List.of(new Listing("1", city, new BigDecimal("100.10")), new Listing("2", city, new BigDecimal("200")));
    }

    @Caching(put = @CachePut(cacheNames = "listings", key = "#listing.id()"),
            evict = @CacheEvict(cacheNames = "searches", allEntries = true))
    public Listing save(Listing listing) {
        ran("save");
        return listing;
    }

    @Cacheable("tenant-listings")
    public Listing findForTenant(String tenant, String id) {
        ran("findForTenant");
        return new Listing(id, tenant, BigDecimal.ONE);
    }

    @Cacheable(cacheNames = "slow-listings", sync = true)
    public Listing findSlowly(String id) throws InterruptedException {
        ran("findSlowly");
        if (!gate.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the load");
        }
        return new Listing(id, "Braga", BigDecimal.TEN);
    }

    @Cacheable(cacheNames = "slow-listings", sync = true)
    public Listing findOrFail(String id) throws IOException {
        ran("findOrFail");
        throw new IOException("listing source unreachable");
    }

    @Cacheable("owners")
    public String owner(String id) {
        ran("owner");
        return null;
    }

    @Cacheable(cacheNames = "owners", sync = true)
    public String ownerSync(String id) {
        ran("ownerSync");
        return null;
    }

    @Cacheable("absences")
    public String absentOwner(String id) {
        ran("absentOwner");
        return null;
    }

    @Cacheable("details")
    public Detail detail(String id) {
        ran("detail");
        return detailOf(id);
    }

    @Cacheable("details")
    public Optional<Listing> maybe(String id) {
        ran("maybe");
        return Optional.of(new Listing(id, "Faro", new BigDecimal("1.10")));
    }

    @Cacheable("listings")
    public CompletableFuture<Listing> findAsync(String id) {
        ran("findAsync");
        return CompletableFuture.supplyAsync(() -> new Listing(id, "Coimbra", new BigDecimal("90000.00")));
    }

    @Cacheable(cacheNames = "slow-listings", sync = true)
    public CompletableFuture<Listing> findAsyncSync(String id) {
        ran("findAsyncSync");
        return CompletableFuture.supplyAsync(() -> new Listing(id, "Aveiro", new BigDecimal("80000.00")));
    }

    @Cacheable(cacheNames = "slow-listings", sync = true)
    public CompletableFuture<Listing> findAsyncOrFail(String id) {
        ran("findAsyncOrFail");
        return CompletableFuture.failedFuture(new IOException("listing source unreachable"));
    }

    @Cacheable("counts")
    public long count(String city) {
        ran("count");
        return 7L;
    }

    public static Detail detailOf(String id) {
        return new Detail(new Listing(id, "Lisbon", new BigDecimal("499999.99")),
                List.of(new Agent("Ana", OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1)))),
                Map.of("rooms", 3, "area", 82.5, "garage", true),
                Optional.of("sea view"), LocalDate.of(2024, 5, 1));
    }
}
