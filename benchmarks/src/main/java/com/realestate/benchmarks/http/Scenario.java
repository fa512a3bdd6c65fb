package com.realestate.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The reads a load run sends, each a path pattern over the bulk demo data ({@code realestate.demo.bulk.*}): tenant
 * {@code <prefix><t>} has the listings {@code p1}..{@code pN}, in ten cities. A request picks its tenant and id
 * uniformly at random among {@code tenants} × {@code idsPerTenant}, and carries that tenant's token.
 */
enum Scenario {

    /** The constant endpoint: the framework's ceiling, nothing looked up. */
    CONSTANT {
        @Override
        String path(int id, int variant) {
            return "/api/v1/benchmark/property";
        }

        @Override
        int variants(int idsPerTenant) {
            return 1;
        }
    },

    /** A property's detail. */
    DETAIL {
        @Override
        String path(int id, int variant) {
            return "/api/v1/properties/p" + id;
        }
    },

    /** A property's score. */
    SCORE {
        @Override
        String path(int id, int variant) {
            return "/api/v1/properties/p" + id + "/score";
        }
    },

    /** One of the first pages of a city's listings by price, 20 a page. */
    LIST {
        @Override
        String path(int id, int variant) {
            return "/api/v1/properties?city=" + CITIES.get(variant % CITIES.size()) + "&sort=-price&page="
                    + variant / CITIES.size() + "&size=20";
        }

        @Override
        int variants(int idsPerTenant) {
            return CITIES.size() * LIST_PAGES;
        }
    };

    /** The cities of the bulk demo data, as the list filter takes them. */
    static final List<String> CITIES = List.of("lisbon", "porto", "madrid", "barcelona", "berlin", "paris", "london",
            "manchester", "new%20york", "austin");

    /** How many pages of each city a list run reads. */
    static final int LIST_PAGES = 5;

    /** The path of the {@code variant}-th request of a tenant; {@code id} is {@code variant + 1} for id scenarios. */
    abstract String path(int id, int variant);

    /** How many distinct paths one tenant has. */
    int variants(int idsPerTenant) {
        return idsPerTenant;
    }

    /** A random path of this scenario. */
    String randomPath(RandomGenerator random, int idsPerTenant) {
        int variant = random.nextInt(variants(idsPerTenant));
        return path(variant + 1, variant);
    }

    /** Every distinct path of one tenant, for priming the cache. */
    List<String> allPaths(int idsPerTenant) {
        int count = variants(idsPerTenant);
        List<String> paths = new ArrayList<>(count);
        for (int variant = 0; variant < count; variant++) {
            paths.add(path(variant + 1, variant));
        }
        return paths;
    }

    /** The scenario named on the command line, case-insensitively. */
    static Scenario named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; use constant, detail, score or list", e);
        }
    }
}
