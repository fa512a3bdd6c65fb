package com.realestate.benchmarks.stampede;

import com.realestate.cache.test.RedisServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * 500 concurrent misses on one key from two JVM processes (250 threads each), for several rounds with a fresh
 * key each: how many times the loader ran across both processes. The loader counts itself with an INCR, so
 * the count is exact whichever process ran it. Arguments: rounds (default 10), threads per process (250),
 * loader time in ms (50).
 */
public final class StampedeComparison {

    private StampedeComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int loadMillis = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (RedisServer server = RedisServer.start()) {
            List<Process> processes = new ArrayList<>();
            for (int process = 0; process < 2; process++) {
                processes.add(spawn(server.uri(), process, rounds, threads, loadMillis));
            }
            for (Process process : processes) {
                if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("a stampede process failed; see its output above");
                }
            }
            long worst = 0;
            long total = 0;
            StringBuilder perRound = new StringBuilder();
            for (int round = 0; round < rounds; round++) {
                String counted = server.command("GET", StampedeProcess.loadsKey(round));
                long loads = counted == null ? 0 : Long.parseLong(counted);
                worst = Math.max(worst, loads);
                total += loads;
                perRound.append(round == 0 ? "" : ",").append(loads);
            }
            System.out.printf(Locale.ROOT, "stampede processes=2 threads_per_process=%d rounds=%d loader_ms=%d%n",
                    threads, rounds, loadMillis);
            System.out.printf(Locale.ROOT, "loader_executions per_round=[%s] total=%d max=%d (target <= 1)%n",
                    perRound, total, worst);
        }
    }

    private static Process spawn(String uri, int process, int rounds, int threads, int loadMillis) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StampedeProcess.class.getName(), uri,
                Integer.toString(process), Integer.toString(rounds), Integer.toString(threads),
                Integer.toString(loadMillis)));
        return new ProcessBuilder(command).inheritIO().start();
    }
}
