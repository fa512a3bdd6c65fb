package com.realestate.cache.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local {@code redis-server} process on a free loopback port that a test fully controls: it can
 * kill, freeze, thaw and restart the server to exercise outage handling for real.
 *
 * <p>Persistence is off, so a restart comes back with an empty keyspace. Every server is also killed
 * by a JVM shutdown hook, so none outlives the test JVM (unless that JVM itself is SIGKILLed), except one started
 * by {@link #startWithoutShutdownHook()}, which only {@link #close()} stops.
 * {@link #command} and {@link #flushAll} do not authenticate, so servers started with
 * {@code --requirepass} can only be reached with a client of your own.
 */
public final class RedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisServer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    private static final String HOST = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration RESTART_BIND_RETRY = Duration.ofSeconds(3);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 20;

    private final Path binary;
    private final List<String> extraArgs;
    private final Path directory;
    private final Path logFile;
    private final int port;
    private final boolean killedAtExit;

    private volatile Process process;
    private volatile boolean paused;
    private boolean closed;

    private RedisServer(Path binary, List<String> extraArgs, Path directory, int port, boolean killedAtExit) {
        this.binary = binary;
        this.extraArgs = List.copyOf(extraArgs);
        this.directory = directory;
        this.logFile = directory.resolve("redis-server.log");
        this.port = port;
        this.killedAtExit = killedAtExit;
    }

    /** Starts a server on a free loopback port with the harness's default configuration. */
    public static RedisServer start() {
        return start(new String[0]);
    }

    /**
     * Starts a server with extra configuration appended to the command line, for example
     * {@code start("--maxmemory", "10mb")}.
     *
     * @throws IllegalStateException if the server exits or does not answer PING within 10 seconds
     */
    public static RedisServer start(String... extraArgs) {
        return start(RedisBinary.resolve(), List.of(extraArgs));
    }

    /**
     * Starts a server, with the default configuration, that no JVM shutdown hook kills: an application that owns it
     * closes it in its own shutdown, after the clients that use it, instead of racing them (hooks run concurrently).
     */
    public static RedisServer startWithoutShutdownHook() {
        return start(RedisBinary.resolve(), List.of(), false);
    }

    static RedisServer start(Path binary, List<String> extraArgs) {
        return start(binary, extraArgs, true);
    }

    private static RedisServer start(Path binary, List<String> extraArgs, boolean killedAtExit) {
        Path directory = createDirectory();
        List<String> busyPorts = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                RedisServer server = new RedisServer(binary, extraArgs, directory, freePort(), killedAtExit);
                boolean started = false;
                try {
                    server.launch(Instant.now().plus(STARTUP_TIMEOUT));
                    started = true;
                    log.debug("Started {}", server);
                    return server;
                } catch (PortInUseException e) {
                    busyPorts.add(Integer.toString(server.port));
                } finally {
                    if (!started && killedAtExit) {
                        LiveServers.unregister(server);
                    }
                }
            }
        } catch (RuntimeException e) {
            deleteDirectory(directory);
            throw e;
        }
        deleteDirectory(directory);
        throw new IllegalStateException("redis-server could not bind any of the free ports it was given: " + busyPorts);
    }

    /** The loopback port the server listens on; it stays the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** The address the server binds to, always {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    /** {@code redis://127.0.0.1:<port>}, for building clients. */
    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    /** Process id of the current (or, once stopped, the last) redis-server process. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is alive; a paused server is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Whether the server is frozen by {@link #pause()}. */
    public boolean isPaused() {
        return paused;
    }

    /** Kills the process (SIGKILL) and waits for it to exit, after which the port refuses connections; idempotent. */
    public synchronized void stop() {
        Process current = process;
        if (current.isAlive()) {
            current.destroyForcibly();
            awaitExit(current);
            log.debug("Stopped {}", this);
        }
        paused = false;
    }

    /**
     * Freezes the process with SIGSTOP: connections are still accepted by the kernel but nothing is
     * ever answered, like a hung server or a network black hole. No-op if already paused.
     */
    public synchronized void pause() {
        requireRunning("pause");
        if (!paused) {
            signal("STOP");
            paused = true;
            awaitProcessState(true);
        }
    }

    /** Thaws a paused server with SIGCONT so it answers again; no-op if not paused. */
    public synchronized void resume() {
        if (paused) {
            signal("CONT");
            paused = false;
            awaitProcessState(false);
        }
    }

    /**
     * Stops the server if it is running and starts a new process on the same port, returning once it
     * answers PING. Data is not kept.
     *
     * @throws IllegalStateException if the server is closed or does not answer PING again within 10 seconds
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("Cannot restart a closed " + this);
        }
        stop();
        Instant bindDeadline = Instant.now().plus(RESTART_BIND_RETRY);
        while (true) {
            try {
                launch(Instant.now().plus(STARTUP_TIMEOUT));
                log.debug("Restarted {}", this);
                return;
            } catch (PortInUseException e) {
                if (Instant.now().isAfter(bindDeadline)) {
                    throw new IllegalStateException("Port " + port + " stayed in use for " + RESTART_BIND_RETRY
                            + "; could not restart redis-server", e);
                }
                pace();
            }
        }
    }

    /** Deletes every key in every database. */
    public void flushAll() {
        command("FLUSHALL");
    }

    /**
     * Sends one command over a fresh connection and returns the reply as text: strings and integers
     * as-is, nil as {@code null}, arrays joined by newlines.
     *
     * @throws IllegalStateException if Redis answers with an error
     * @throws UncheckedIOException if the server cannot be reached or does not answer within 5 seconds
     */
    public String command(String... args) {
        return RespConnection.oneShot(RedisEndpoint.local(HOST, port), args);
    }

    /** Resumes the server if paused, kills it and deletes its working directory; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            resume();
        } catch (RuntimeException e) {
            log.debug("Could not resume {} before stopping it; killing it anyway", this, e);
        }
        try {
            stop();
        } finally {
            deleteDirectory(directory);
            if (killedAtExit) {
                LiveServers.unregister(this);
            }
        }
    }

    @Override
    public String toString() {
        Process current = process;
        String state = current == null || !current.isAlive() ? "stopped" : isPaused() ? "paused" : "running";
        return "RedisServer[" + HOST + ":" + port + ", pid " + (current == null ? "-" : current.pid()) + ", " + state + "]";
    }

    Path directory() {
        return directory;
    }

    /** Shutdown-hook path: kill without taking the lock (a test thread may hold it) and clean up. */
    void killNow() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroyForcibly();
            try {
                current.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteDirectory(directory);
    }

    private void launch(Instant deadline) {
        long logOffset = logSize();
        Process started = spawn();
        process = started;
        if (killedAtExit) {
            LiveServers.register(this);
        }
        while (true) {
            if (!started.isAlive()) {
                String output = logTail(logOffset);
                if (output.contains("Address already in use")) {
                    throw new PortInUseException();
                }
                throw new IllegalStateException("redis-server (" + binary + ") exited with code " + started.exitValue()
                        + " before answering PING on " + HOST + ":" + port + ". Last output:\n" + output);
            }
            if (answersPing(started.pid())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                started.destroyForcibly();
                awaitExit(started);
                throw new IllegalStateException("redis-server (" + binary + ") did not answer PING on " + HOST + ":" + port
                        + " within " + STARTUP_TIMEOUT + "; killed it. Last output:\n" + logTail(logOffset));
            }
            try {
                started.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                started.destroyForcibly();
                throw new IllegalStateException("Interrupted while waiting for redis-server on port " + port, e);
            }
        }
    }

    private Process spawn() {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--save", "",
                "--appendonly", "no",
                "--protected-mode", "no",
                "--daemonize", "no",
                "--dir", directory.toString(),
                "--loglevel", "warning"));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Instant deadline = Instant.now().plusSeconds(1);
        while (true) {
            try {
                Process started = builder.start();
                started.getOutputStream().close();
                return started;
            } catch (IOException e) {
                // A freshly extracted binary can briefly be "busy" while another thread forks.
                if (String.valueOf(e.getMessage()).contains("Text file busy") && Instant.now().isBefore(deadline)) {
                    pace();
                    continue;
                }
                throw new UncheckedIOException("Could not launch " + command, e);
            }
        }
    }

    /** True once the server answers PING and is our process, not another one that won a race for the port. */
    private boolean answersPing(long pid) {
        try (RespConnection connection = RespConnection.open(HOST, port, PROBE_TIMEOUT, PROBE_TIMEOUT)) {
            if (!"PONG".equals(connection.send("PING"))) {
                return false;
            }
            return connection.command("INFO", "server").lines().anyMatch(line -> line.equals("process_id:" + pid));
        } catch (IllegalStateException e) {
            return String.valueOf(e.getMessage()).contains("NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private void requireRunning(String action) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Cannot " + action + " " + this + ": it is not running");
        }
    }

    private void signal(String name) {
        List<String> command = List.of("kill", "-" + name, Long.toString(process.pid()));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.getOutputStream().close();
            String output;
            try (InputStream in = kill.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!kill.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + EXIT_TIMEOUT);
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + kill.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /**
     * Signals are delivered asynchronously; on Linux, wait until /proc shows the process (not) stopped
     * so callers observe the new state immediately.
     */
    private void awaitProcessState(boolean stopped) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!Files.exists(stat)) {
            return;
        }
        Instant deadline = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(deadline)) {
            try {
                String content = Files.readString(stat);
                char state = content.charAt(content.lastIndexOf(')') + 2);
                if ((state == 'T') == stopped) {
                    return;
                }
            } catch (IOException | StringIndexOutOfBoundsException e) {
                return;
            }
            pace();
        }
        throw new IllegalStateException("redis-server " + process.pid() + " did not become "
                + (stopped ? "stopped" : "running") + " after signalling it");
    }

    private void awaitExit(Process target) {
        try {
            if (!target.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("redis-server " + target.pid() + " did not exit within " + EXIT_TIMEOUT
                        + " of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server " + target.pid() + " to exit", e);
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logTail(long fromOffset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            int start = (int) Math.min(fromOffset, bytes.length);
            List<String> lines = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("redis-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a working directory for redis-server", e);
        }
    }

    private static void deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}", directory, e);
        }
    }

    /** Short pause inside a bounded polling loop. */
    private static void pace() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling redis-server", e);
        }
    }

    /** redis-server exited because its port was taken; the caller may retry. */
    private static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException() {
            super(null, null, false, false);
        }
    }
}
