package com.realestate.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one load run, latencies in milliseconds over the measured window only.
 *
 * @param label             what was measured
 * @param scenario          which reads
 * @param connections       how many connections
 * @param durationSeconds   the measured window
 * @param requests          responses received in the window
 * @param requestsPerSecond {@code requests / durationSeconds}
 * @param p50Ms             median latency
 * @param p90Ms             90th percentile
 * @param p99Ms             99th percentile
 * @param p999Ms            99.9th percentile
 * @param maxMs             slowest response
 * @param meanMs            mean latency
 * @param non2xx            responses whose status was not 2xx
 * @param socketErrors      requests that failed on the socket (refused, reset, timed out, malformed)
 * @param statuses          count per status code
 * @param meanBodyBytes     mean response body size
 * @param outage            the pause applied during the window, or {@code null}
 * @param startedAt         when measuring started, ISO-8601
 */
record LoadReport(String label, String scenario, int connections, double durationSeconds, long requests,
        double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs,
        long non2xx, long socketErrors, Map<String, Long> statuses, long meanBodyBytes, String outage,
        String startedAt) {

    /** Appends this report as one JSON line to {@code results}, creating the file and its folder if need be. */
    void appendTo(Path results) throws IOException {
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, JsonMapper.builder().build().writeValueAsString(this) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** One line for a terminal. */
    String line() {
        return String.format(Locale.ROOT,
                "%-24s %-8s %4d conn  %9.1f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
                        + "  non-2xx %d  socket errors %d%s",
                label, scenario, connections, requestsPerSecond, p50Ms, p90Ms, p99Ms, maxMs, non2xx, socketErrors,
                outage == null ? "" : "  (" + outage + ")");
    }
}
