package com.realestate.benchmarks.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one load run does, from {@code --name=value} arguments.
 *
 * @param host         the service's host
 * @param port         the service's port
 * @param scenario     which reads to send
 * @param connections  keep-alive connections, one thread each
 * @param warmup       how long requests run before measuring starts
 * @param duration     how long requests are measured
 * @param tenants      how many tenants requests are spread over
 * @param tenantPrefix the tenants' names before their number
 * @param idsPerTenant how many of each tenant's listings requests pick from
 * @param prime        whether every path is requested once before the warm-up, so a cached run starts warm
 * @param jwtSecret    the service's HS256 secret, to sign each tenant's token
 * @param issuer       the tokens' {@code iss}, or {@code null}
 * @param audience     the tokens' {@code aud}, or {@code null}
 * @param label        what the run measured (a provider, a configuration), for the report
 * @param results      the JSON-lines file the report is appended to
 * @param outage       a process to pause during the measured window, or {@code null}
 */
record LoadOptions(String host, int port, Scenario scenario, int connections, Duration warmup, Duration duration,
        int tenants, String tenantPrefix, int idsPerTenant, boolean prime, String jwtSecret, String issuer,
        String audience, String label, Path results, Outage outage) {

    /** Checks ranges and required parts. */
    LoadOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(results, "results");
        require(jwtSecret != null && !jwtSecret.isBlank(), "--jwt-secret (or JWT_SECRET) is required");
        require(port > 0 && port < 65536, "--port must be a TCP port, was " + port);
        require(connections >= 1 && connections <= 4096, "--connections must be 1..4096, was " + connections);
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(duration.toMillis() >= 100, "--duration must be at least 100ms");
        require(tenants >= 1, "--tenants must be positive");
        require(idsPerTenant >= 1, "--ids-per-tenant must be positive");
        if (outage != null) {
            require(outage.from().compareTo(outage.to()) < 0 && outage.to().compareTo(duration) <= 0,
                    "the outage must start before it ends, within the measured duration");
        }
    }

    /**
     * The options of a command line.
     *
     * @throws IllegalArgumentException naming an unknown or malformed argument
     */
    static LoadOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Arguments a = new Arguments(given);
        Outage outage = null;
        if (a.has("pause-pid")) {
            outage = new Outage(Long.parseLong(a.take("pause-pid", null)), duration(a.take("pause-from", "5s")),
                    duration(a.take("pause-to", "10s")));
        }
        LoadOptions options = new LoadOptions(a.take("host", "127.0.0.1"), Integer.parseInt(a.take("port", "8080")),
                Scenario.named(a.take("scenario", "detail")), Integer.parseInt(a.take("connections", "32")),
                duration(a.take("warmup", "5s")), duration(a.take("duration", "20s")),
                Integer.parseInt(a.take("tenants", "8")), a.take("tenant-prefix", "bench-"),
                Integer.parseInt(a.take("ids-per-tenant", "2000")), Boolean.parseBoolean(a.take("prime", "false")),
                a.take("jwt-secret", environment.get("JWT_SECRET")), a.take("jwt-issuer", environment.get("JWT_ISSUER")),
                a.take("jwt-audience", environment.get("JWT_AUDIENCE")), a.take("label", "run"),
                Path.of(a.take("results", "benchmarks/results/http.jsonl")), outage);
        a.requireAllTaken();
        return options;
    }

    /** A duration such as {@code 500ms}, {@code 20s} or {@code 2m}. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
        }
        throw new IllegalArgumentException("a duration is like 500ms, 20s or 2m, got '" + text + "'");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * A process paused (SIGSTOP) during part of the measured window and resumed (SIGCONT) afterwards.
     *
     * @param pid  the process
     * @param from when, after measuring starts, it is paused
     * @param to   when, after measuring starts, it is resumed
     */
    record Outage(long pid, Duration from, Duration to) {
    }

    /** The arguments not yet read, so that a misspelt one is refused rather than ignored. */
    private static final class Arguments {

        private final Map<String, String> left;

        Arguments(Map<String, String> given) {
            this.left = new HashMap<>(given);
        }

        boolean has(String name) {
            return left.containsKey(name);
        }

        String take(String name, String fallback) {
            String value = left.remove(name);
            return value != null ? value : fallback;
        }

        void requireAllTaken() {
            if (!left.isEmpty()) {
                throw new IllegalArgumentException("unknown arguments: " + left.keySet());
            }
        }
    }
}
