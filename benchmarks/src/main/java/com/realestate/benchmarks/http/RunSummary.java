package com.realestate.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary of a {@code run-all.sh} session: every run's figures as a Markdown table, then each target of the
 * issue as a ratio of two runs of the same session, met or missed. Runs are found by label and scenario; when a
 * label ran a scenario twice, the last run counts.
 */
public final class RunSummary {

    private final Map<String, LoadReport> runs = new LinkedHashMap<>();

    private RunSummary(List<LoadReport> reports) {
        reports.forEach(report -> runs.put(report.label() + "/" + report.scenario(), report));
    }

    /** Prints the summary of the JSON-lines file {@code args[0]}; {@code --seconds D} prints a duration in seconds. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--seconds")) {
            System.out.println(LoadOptions.duration(args[1]).toSeconds());
            return;
        }
        JsonMapper json = JsonMapper.builder().build();
        List<LoadReport> reports = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                reports.add(json.readValue(line, LoadReport.class));
            }
        }
        System.out.print(new RunSummary(reports).markdown());
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| Run | Read | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadReport r : runs.values()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %d |%n",
                    r.label(), r.scenario(), r.requestsPerSecond(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(),
                    r.non2xx(), r.socketErrors()));
        }
        out.append("\n| Target | Measured | Goal | Met |\n|---|---:|---:|---|\n");
        throughput(out, "cached detail (near cache on) / constant endpoint", "ours-near/detail",
                "ours-near/constant", 0.8);
        throughput(out, "cached detail (ours, near cache off) / Spring RedisCacheManager", "ours/detail",
                "spring-data-redis/detail", 1.5);
        throughput(out, "cached list (ours) / uncached list", "ours/list", "none/list", 5);
        throughput(out, "cached score (ours) / uncached score", "ours/score", "none/score", 5);
        throughput(out, "cached list (near cache on) / uncached list", "ours-near/list", "none/list", 5);
        throughput(out, "cached score (near cache on) / uncached score", "ours-near/score", "none/score", 5);
        LoadReport outage = runs.get("ours-outage/detail");
        LoadReport none = runs.get("none/detail");
        if (outage != null) {
            long errors = outage.non2xx() + outage.socketErrors();
            row(out, "errors during the Redis outage", String.valueOf(errors), "0", errors == 0);
        }
        if (outage != null && none != null) {
            double ratio = outage.p99Ms() / none.p99Ms();
            row(out, "p99 during the Redis outage / p99 with no Redis", format(ratio), "≤ 1.2", ratio <= 1.2);
        }
        return out.toString();
    }

    private void throughput(StringBuilder out, String name, String run, String baseline, double goal) {
        LoadReport measured = runs.get(run);
        LoadReport base = runs.get(baseline);
        if (measured == null || base == null || base.requestsPerSecond() == 0) {
            return;
        }
        double ratio = measured.requestsPerSecond() / base.requestsPerSecond();
        row(out, name, format(ratio) + "×", "≥ " + format(goal) + "×", ratio >= goal);
    }

    private static void row(StringBuilder out, String name, String measured, String goal, boolean met) {
        out.append("| ").append(name).append(" | ").append(measured).append(" | ").append(goal).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
