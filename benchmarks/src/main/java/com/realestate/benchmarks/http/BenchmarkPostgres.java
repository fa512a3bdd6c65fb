package com.realestate.benchmarks.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of {@code benchmarks/run-all.sh}: a real PostgreSQL 17 (zonky's embedded binaries) on a free
 * loopback port, started here so that a run needs nothing but a JDK, and kept across the service's restarts. It
 * writes its JDBC URL to the file named by the first argument and runs until this process is stopped, when it stops
 * the server and removes its data. Durability is off (a benchmark database is thrown away), as for the tests.
 */
public final class BenchmarkPostgres {

    private BenchmarkPostgres() {
    }

    /** Starts the server, writes its URL to {@code args[0]} and waits to be stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkPostgres <file to write the JDBC URL to>");
            System.exit(2);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_connections", "100")
                .setCleanDataDirectory(true)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
        Path target = Path.of(args[0]);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, url + "\n", StandardCharsets.UTF_8);
        Files.move(partial, target);
        System.out.println("PostgreSQL ready at " + url);
        stopped.await();
    }
}
