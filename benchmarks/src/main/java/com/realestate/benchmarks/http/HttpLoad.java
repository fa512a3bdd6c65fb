package com.realestate.benchmarks.http;

import java.io.IOException;
import java.util.Locale;

/**
 * The HTTP load generator of {@code benchmarks/run-all.sh}: one run of one scenario against a running Property
 * service, printed as one line and appended as one JSON object to the results file. Arguments are
 * {@code --name=value}: {@code port}, {@code scenario} (constant, detail, score, list), {@code connections} (32),
 * {@code warmup} (5s), {@code duration} (20s), {@code tenants} (8), {@code tenant-prefix} (bench-),
 * {@code ids-per-tenant} (2000), {@code prime} (false), {@code jwt-secret} (or {@code JWT_SECRET}),
 * {@code jwt-issuer}, {@code jwt-audience}, {@code label}, {@code results}, and {@code pause-pid},
 * {@code pause-from}, {@code pause-to} for an outage during the measured window.
 */
public final class HttpLoad {

    private HttpLoad() {
    }

    /** Runs the load described by the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("http-load: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoadRun run = new LoadRun(options);
        if (options.prime()) {
            long started = System.nanoTime();
            long failed = run.prime();
            System.err.printf("primed %s %s in %.1f s (%d not 2xx)%n", options.label(),
                    options.scenario().name().toLowerCase(Locale.ROOT),
                    (System.nanoTime() - started) / 1e9, failed);
        }
        LoadReport report = run.run();
        System.out.println(report.line());
        report.appendTo(options.results());
    }
}
