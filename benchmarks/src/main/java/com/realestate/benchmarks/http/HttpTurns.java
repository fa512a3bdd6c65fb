package com.realestate.benchmarks.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Two or more running services loaded in turns, so that the ratio between them does not depend on what the
 * machine (or the host under it) happens to be doing while each one runs: each round loads every target for a short
 * slice, in an order that alternates from round to round, and each pair of targets is compared by the ratio of
 * their requests per second within each round. Prints the medians, the non-2xx and socket errors of every slice,
 * and the median ratios of every pair (requests per second, p99); each slice's report is appended to
 * {@code --results}, as {@link HttpLoad} appends its run's.
 *
 * <p>Arguments: {@code --targets=label=port,label=port,...} ({@code port/scenario}
 * gives a target a read of its own, as when a read is compared with the constant endpoint), {@code --rounds} (10),
 * {@code --slice} (4s, measured) and {@code --slice-warmup} (1s), {@code --outage-for=label} (the {@code pause-*}
 * arguments pause the process in that target's slices only, so that a run through an outage is compared with
 * another target in turns), then any argument of {@link HttpLoad} but {@code port}, {@code label}, {@code warmup}
 * and {@code duration}.
 */
public final class HttpTurns {

    private HttpTurns() {
    }

    /** Runs the rounds described by the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> targets = new LinkedHashMap<>();
        int rounds = 10;
        String slice = "4s";
        String sliceWarmup = "1s";
        String outageFor = null;
        List<String> loadArguments = new ArrayList<>();
        List<String> pauseArguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--targets=")) {
                for (String target : arg.substring("--targets=".length()).split(",")) {
                    String[] parts = target.split("=");
                    targets.put(parts[0], parts[1]);
                }
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else if (arg.startsWith("--slice=")) {
                slice = arg.substring("--slice=".length());
            } else if (arg.startsWith("--slice-warmup=")) {
                sliceWarmup = arg.substring("--slice-warmup=".length());
            } else if (arg.startsWith("--outage-for=")) {
                outageFor = arg.substring("--outage-for=".length());
            } else if (arg.startsWith("--pause-")) {
                pauseArguments.add(arg);
            } else {
                loadArguments.add(arg);
            }
        }
        if (targets.size() < 2 || rounds < 1) {
            System.err.println("http-turns: --targets needs two or more label=port pairs and --rounds a positive count");
            System.exit(2);
        }
        if (!pauseArguments.isEmpty() && !targets.containsKey(outageFor)) {
            System.err.println("http-turns: --pause-* arguments need --outage-for=label naming one of the targets");
            System.exit(2);
        }
        List<String> labels = new ArrayList<>(targets.keySet());
        Map<String, List<LoadReport>> reports = new LinkedHashMap<>();
        labels.forEach(label -> reports.put(label, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(labels);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String label : order) {
                List<String> slicedArguments = new ArrayList<>(loadArguments);
                String[] portAndScenario = targets.get(label).split("/");
                slicedArguments.addAll(List.of("--port=" + portAndScenario[0], "--label=" + label,
                        "--warmup=" + sliceWarmup, "--duration=" + slice));
                if (portAndScenario.length > 1) {
                    slicedArguments.add("--scenario=" + portAndScenario[1]);
                }
                if (label.equals(outageFor)) {
                    slicedArguments.addAll(pauseArguments);
                }
                LoadOptions options = LoadOptions.parse(slicedArguments.toArray(String[]::new), System.getenv());
                LoadReport report = new LoadRun(options).run();
                report.appendTo(options.results());
                reports.get(label).add(report);
            }
        }
        print(labels, reports, rounds);
    }

    private static void print(List<String> labels, Map<String, List<LoadReport>> reports, int rounds) {
        System.out.printf(Locale.ROOT, "%-20s %-8s %10s %8s %8s %8s %8s%n", "target (median of " + rounds + ")",
                "read", "req/s", "p50 ms", "p99 ms", "non-2xx", "errors");
        for (String label : labels) {
            List<LoadReport> mine = reports.get(label);
            System.out.printf(Locale.ROOT, "%-20s %-8s %10.0f %8.2f %8.2f %8d %8d%n", label, mine.getFirst().scenario(),
                    median(mine.stream().mapToDouble(LoadReport::requestsPerSecond).toArray()),
                    median(mine.stream().mapToDouble(LoadReport::p50Ms).toArray()),
                    median(mine.stream().mapToDouble(LoadReport::p99Ms).toArray()),
                    mine.stream().mapToLong(LoadReport::non2xx).sum(),
                    mine.stream().mapToLong(LoadReport::socketErrors).sum());
        }
        for (int a = 0; a < labels.size(); a++) {
            for (int b = a + 1; b < labels.size(); b++) {
                List<LoadReport> first = reports.get(labels.get(a));
                List<LoadReport> second = reports.get(labels.get(b));
                printRatio("req/s", labels.get(a), labels.get(b), first, second, LoadReport::requestsPerSecond);
                printRatio("p99", labels.get(a), labels.get(b), first, second, LoadReport::p99Ms);
            }
        }
    }

    private static void printRatio(String figure, String firstLabel, String secondLabel, List<LoadReport> first,
            List<LoadReport> second, ToDoubleFunction<LoadReport> value) {
        double[] ratios = new double[first.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = value.applyAsDouble(first.get(i)) / value.applyAsDouble(second.get(i));
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s %s / %s: %.2f× (median of the rounds' ratios; lowest %.2f×,"
                + " highest %.2f×)%n", figure, firstLabel, secondLabel, median(ratios), sorted[0],
                sorted[sorted.length - 1]);
    }

    /** The median of {@code values}: the mean of the two middle ones when their count is even. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
