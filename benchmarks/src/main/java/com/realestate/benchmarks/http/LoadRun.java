package com.realestate.benchmarks.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load run, as wrk does it: each of N platform threads owns one keep-alive connection and sends its
 * next request as soon as the previous response is read, for a warm-up and then a measured window. Only requests
 * that start and finish inside the window count; their latencies go to per-thread HdrHistograms merged at the end.
 */
final class LoadRun {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final long RECONNECT_PAUSE_NANOS = Duration.ofMillis(20).toNanos();

    private final LoadOptions options;
    private final InetSocketAddress address;
    private final String[] requestTails;

    LoadRun(LoadOptions options) {
        this.options = options;
        this.address = new InetSocketAddress(options.host(), options.port());
        this.requestTails = new String[options.tenants()];
        for (int t = 0; t < options.tenants(); t++) {
            String token = TenantTokens.issue(options.jwtSecret(), tenant(t), options.issuer(), options.audience(),
                    options.warmup().plus(options.duration()).plus(Duration.ofHours(1)));
            requestTails[t] = " HTTP/1.1\r\nHost: " + options.host() + ":" + options.port()
                    + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n";
        }
    }

    private String tenant(int index) {
        return options.tenantPrefix() + (index + 1);
    }

    /** Requests every path of every tenant once, spread over the connections; returns how many were not 2xx. */
    long prime() throws InterruptedException {
        List<String> paths = options.scenario().allPaths(options.idsPerTenant());
        int total = paths.size() * options.tenants();
        long[] failures = new long[options.connections()];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            int worker = c;
            threads.add(Thread.ofPlatform().name("prime-" + c).start(() -> {
                try (HttpConnection connection = new HttpConnection(address, SOCKET_TIMEOUT)) {
                    for (int i = worker; i < total; i += options.connections()) {
                        byte[] request = request(paths.get(i / options.tenants()), i % options.tenants());
                        try {
                            if (!connection.exchange(request).successful()) {
                                failures[worker]++;
                            }
                        } catch (IOException e) {
                            failures[worker]++;
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long failed = 0;
        for (long f : failures) {
            failed += f;
        }
        return failed;
    }

    /** Runs the warm-up and the measured window and returns the figures of the window. */
    LoadReport run() throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + options.warmup().toNanos();
        long measureTo = measureFrom + options.duration().toNanos();
        Worker[] workers = new Worker[options.connections()];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < workers.length; c++) {
            workers[c] = new Worker(measureFrom, measureTo);
            threads.add(Thread.ofPlatform().name("load-" + c).start(workers[c]));
        }
        Instant startedAt = Instant.now().plus(options.warmup());
        try (OutageSchedule outage = OutageSchedule.start(options.outage(), measureFrom)) {
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return report(workers, startedAt);
    }

    private byte[] request(String path, int tenant) {
        return ("GET " + path + requestTails[tenant]).getBytes(StandardCharsets.ISO_8859_1);
    }

    private LoadReport report(Worker[] workers, Instant startedAt) {
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        long non2xx = 0;
        long socketErrors = 0;
        long bodyBytes = 0;
        long[] statuses = new long[600];
        for (Worker worker : workers) {
            latencies.add(worker.latencies);
            non2xx += worker.non2xx;
            socketErrors += worker.socketErrors;
            bodyBytes += worker.bodyBytes;
            for (int s = 0; s < statuses.length; s++) {
                statuses[s] += worker.statuses[s];
            }
        }
        Map<String, Long> byStatus = new TreeMap<>();
        for (int s = 0; s < statuses.length; s++) {
            if (statuses[s] > 0) {
                byStatus.put(String.valueOf(s), statuses[s]);
            }
        }
        long requests = latencies.getTotalCount();
        double seconds = options.duration().toNanos() / 1e9;
        LoadOptions.Outage outage = options.outage();
        return new LoadReport(options.label(), options.scenario().name().toLowerCase(Locale.ROOT),
                options.connections(), seconds, requests, requests / seconds, millis(latencies, 50),
                millis(latencies, 90), millis(latencies, 99), millis(latencies, 99.9),
                latencies.getMaxValue() / 1000.0, requests == 0 ? 0 : latencies.getMean() / 1000.0, non2xx,
                socketErrors, byStatus, requests == 0 ? 0 : bodyBytes / requests,
                outage == null ? null : "pid " + outage.pid() + " paused from " + outage.from().toMillis() / 1000.0
                        + " s to " + outage.to().toMillis() / 1000.0 + " s",
                startedAt.toString());
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One connection's loop and its own figures, read only after its thread ended. */
    private final class Worker implements Runnable {

        private final long measureFrom;
        private final long measureTo;
        private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        private final long[] statuses = new long[600];
        private long non2xx;
        private long socketErrors;
        private long bodyBytes;

        Worker(long measureFrom, long measureTo) {
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (HttpConnection connection = new HttpConnection(address, SOCKET_TIMEOUT)) {
                while (true) {
                    int tenant = random.nextInt(options.tenants());
                    byte[] request = request(options.scenario().randomPath(random, options.idsPerTenant()), tenant);
                    long sent = System.nanoTime();
                    if (sent >= measureTo) {
                        return;
                    }
                    try {
                        HttpResponse response = connection.exchange(request);
                        long received = System.nanoTime();
                        if (sent >= measureFrom && received <= measureTo) {
                            latencies.recordValue(Math.min(HIGHEST_MICROS, (received - sent) / 1000));
                            statuses[Math.min(statuses.length - 1, response.status())]++;
                            bodyBytes += response.bodyBytes();
                            if (!response.successful()) {
                                non2xx++;
                            }
                        }
                    } catch (IOException e) {
                        if (sent >= measureFrom) {
                            socketErrors++;
                        }
                        if (e instanceof ConnectException) {
                            LockSupport.parkNanos(RECONNECT_PAUSE_NANOS);
                        }
                    }
                }
            }
        }
    }
}
